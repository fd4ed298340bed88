-- Tableau de bord, santé des livraisons AAF: the runs of livraison_aaf counted per day, exploitant, place and outcome,
-- so that the chart reads a few thousand rows instead of every run. Written by the application
-- (fr.conventionent.aaf.process.AafRunLog) in the transaction that writes the run's row, by an upsert that adds one
-- (PostgreSQL: ON CONFLICT, safe with several nodes; H2: MERGE). Two levels: niveau 'C' per circonscription and
-- département (the scoped charts), niveau 'A' for the whole académie (places empty), so that the DACES reads one row
-- per day, exploitant and outcome. The places are the convention's at the time of the run; a run of a convention not
-- listed in the registry, or cancelled, is not counted. Empty strings stand for unknown values (key columns).
-- Portable SQL (H2 and PostgreSQL): Flyway runs it in the postgres profile, Spring's SQL initialisation on H2.
CREATE TABLE IF NOT EXISTS livraison_aaf_jour (
    niveau          CHAR(1)      NOT NULL,
    jour            DATE         NOT NULL,
    exploitant      VARCHAR(255) NOT NULL,
    departement     VARCHAR(3)   NOT NULL,
    circonscription VARCHAR(64)  NOT NULL,
    resultat        VARCHAR(32)  NOT NULL,
    cause           VARCHAR(32)  NOT NULL,
    nombre          BIGINT       NOT NULL,
    PRIMARY KEY (niveau, jour, exploitant, departement, circonscription, resultat, cause)
);
-- The scoped charts: a département's or a circonscription's days.
CREATE INDEX IF NOT EXISTS livraison_aaf_jour_departement
    ON livraison_aaf_jour (niveau, departement, jour, circonscription, exploitant, resultat, cause, nombre);
CREATE INDEX IF NOT EXISTS livraison_aaf_jour_circonscription
    ON livraison_aaf_jour (niveau, circonscription, jour, departement, exploitant, resultat, cause, nombre);

-- The runs written before this table, once (on H2 this script runs at every start: only while the table is empty).
INSERT INTO livraison_aaf_jour (niveau, jour, exploitant, departement, circonscription, resultat, cause, nombre)
SELECT 'C', CAST(l.executee_le AS DATE), COALESCE(l.exploitant, ''), COALESCE(c.departement, ''),
       COALESCE(c.circonscription, ''), l.resultat, COALESCE(l.cause, ''), COUNT(*)
FROM livraison_aaf l JOIN convention c ON c.numero = l.numero
WHERE c.statut IS NOT NULL AND c.statut <> 'annulee'
  AND NOT EXISTS (SELECT 1 FROM livraison_aaf_jour)
GROUP BY CAST(l.executee_le AS DATE), COALESCE(l.exploitant, ''), COALESCE(c.departement, ''),
         COALESCE(c.circonscription, ''), l.resultat, COALESCE(l.cause, '');
INSERT INTO livraison_aaf_jour (niveau, jour, exploitant, departement, circonscription, resultat, cause, nombre)
SELECT 'A', jour, exploitant, '', '', resultat, cause, SUM(nombre)
FROM livraison_aaf_jour
WHERE niveau = 'C' AND NOT EXISTS (SELECT 1 FROM livraison_aaf_jour WHERE niveau = 'A')
GROUP BY jour, exploitant, resultat, cause;
