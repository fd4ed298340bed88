-- Tableau de bord, durée des étapes: the steps of etape_terminee counted per month, step, place and duration in whole
-- days (rounded to the nearest day), so that the medians and 9th deciles of a period are computed exactly, at that
-- precision, from these counters (a cumulative sum) instead of sorting every step. Written by the application
-- (fr.conventionent.dashboard.StepDurationCounters) in the transaction that writes the step's row, by an upsert that
-- adds one (PostgreSQL: ON CONFLICT, safe with several nodes; H2: MERGE). One level, niveau 'D', per département
-- (circonscription empty), which the charts per département of a département or of the académie read; a chart that
-- involves circonscriptions counts the steps themselves, per circonscription of the convention's schools. Every row
-- is counted (the cancelled conventions are taken out when reading). Empty strings stand for unknown places.
-- Portable SQL (H2 and PostgreSQL): Flyway runs it in the postgres profile, Spring's SQL initialisation on H2.
CREATE TABLE IF NOT EXISTS etape_duree_mois (
    niveau          CHAR(1)      NOT NULL,
    -- first day of the month of terminee_le
    mois            DATE         NOT NULL,
    etape           VARCHAR(255) NOT NULL,
    departement     VARCHAR(3)   NOT NULL,
    circonscription VARCHAR(64)  NOT NULL,
    -- duree_ms in whole days, rounded half up: (duree_ms + 43200000) / 86400000
    jours           INTEGER      NOT NULL,
    nombre          BIGINT       NOT NULL,
    PRIMARY KEY (niveau, mois, etape, departement, circonscription, jours)
);
-- A département's counters; the académie's read the primary key by month.
CREATE INDEX IF NOT EXISTS etape_duree_mois_departement
    ON etape_duree_mois (niveau, departement, mois, etape, circonscription, jours, nombre);
-- The steps of the few cancelled or unlisted conventions, taken out of the counters when reading.
CREATE INDEX IF NOT EXISTS etape_terminee_convention
    ON etape_terminee (instance_convention, terminee_le, etape, departement, circonscription, duree_ms);

-- The steps written before this table, once (on H2 this script runs at every start: only while the table is empty).
INSERT INTO etape_duree_mois (niveau, mois, etape, departement, circonscription, jours, nombre)
SELECT 'D', CAST(DATE_TRUNC('MONTH', terminee_le) AS DATE), etape, COALESCE(departement, ''), '',
       CAST((duree_ms + 43200000) / 86400000 AS INTEGER), COUNT(*)
FROM etape_terminee
WHERE NOT EXISTS (SELECT 1 FROM etape_duree_mois)
GROUP BY CAST(DATE_TRUNC('MONTH', terminee_le) AS DATE), etape, COALESCE(departement, ''),
         CAST((duree_ms + 43200000) / 86400000 AS INTEGER);
