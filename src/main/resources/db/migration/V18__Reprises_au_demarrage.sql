-- The copies the application makes at start-up from the engine's history (FinishedStepsBackfill: 'etapes-terminees'),
-- and the time each last ran: the next start reads only what ended since (less a margin), instead of the whole history.
-- No row: never ran (a database from before this table, or a new one), the next start copies everything once.
-- Portable SQL (H2 and PostgreSQL): Flyway runs it in the postgres profile, Spring's SQL initialisation on H2.
CREATE TABLE IF NOT EXISTS reprise_demarrage (
    nom      VARCHAR(64) NOT NULL PRIMARY KEY,
    jusqu_au TIMESTAMP   NOT NULL
);
