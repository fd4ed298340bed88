-- Tableau de bord (fr.conventionent.dashboard): one row per step of the circuit that ended (task completed or
-- deleted), written by the application (FinishedSteps) in the transaction where the step ends, with the places of
-- its convention at that time, so that the durations and rejections are read from one narrow table, in the order of
-- its indexes, without joining the engine's history. Steps ended before this table existed are copied from the
-- engine's history at start-up (FinishedStepsBackfill).
-- Portable SQL (H2 and PostgreSQL): Flyway runs it in the postgres profile, Spring's SQL initialisation on H2.
CREATE TABLE IF NOT EXISTS etape_terminee (
    -- the engine's task (ACT_HI_TASKINST.ID_)
    tache_id            VARCHAR(64)   NOT NULL PRIMARY KEY,
    -- the convention's process instance (convention.process_instance_id), root of its circuit
    instance_convention VARCHAR(64)   NOT NULL,
    -- the task's key (UserTask_TransmitByIen...)
    etape               VARCHAR(255)  NOT NULL,
    commune_insee       VARCHAR(5)    NOT NULL,
    departement         VARCHAR(3),
    circonscription     VARCHAR(64),
    terminee_le         TIMESTAMP     NOT NULL,
    duree_ms            BIGINT        NOT NULL,
    -- whether the step sent the convention back to the commune, and the reason it gave
    rejet               BOOLEAN       NOT NULL,
    motif_rejet         VARCHAR(4000)
);
-- Every key column the charts read: the database walks one index in the order of its groups (no sort, no table).
CREATE INDEX IF NOT EXISTS etape_terminee_departement
    ON etape_terminee (departement, etape, terminee_le, duree_ms, instance_convention, circonscription);
CREATE INDEX IF NOT EXISTS etape_terminee_circonscription
    ON etape_terminee (circonscription, etape, terminee_le, duree_ms, instance_convention, departement);
-- A short period of a long history: its range, then a sort.
CREATE INDEX IF NOT EXISTS etape_terminee_periode
    ON etape_terminee (terminee_le, etape, departement, circonscription, duree_ms, instance_convention);
-- The rejections, a tenth of the steps (the reason is read from the table, too long for a key).
CREATE INDEX IF NOT EXISTS etape_terminee_rejets
    ON etape_terminee (rejet, terminee_le, etape, departement, circonscription, instance_convention);
-- The dashboard no longer reads the engine's history of tasks and details (V9): these indexes only slowed its writes.
DROP INDEX IF EXISTS tableau_de_bord_taches;
DROP INDEX IF EXISTS tableau_de_bord_motifs;
