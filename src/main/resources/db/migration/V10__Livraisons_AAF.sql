-- Tableau de bord, santé des livraisons AAF: one row per delivery run that ended, written by the application
-- (fr.conventionent.aaf.process.AafRunLog) in the transaction where the run ends: the delivery step for a run that
-- sent, found nothing or refused the files; the engine's incident for a run whose SFTP attempts were all exhausted
-- (its own transaction rolled back). The exploitant is the one of the convention's current version at that time.
-- Portable SQL (H2 and PostgreSQL): Flyway runs it in the postgres profile, Spring's SQL initialisation on H2.
CREATE TABLE IF NOT EXISTS livraison_aaf (
    numero      VARCHAR(64)  NOT NULL,
    exploitant  VARCHAR(255),
    executee_le TIMESTAMP    NOT NULL,
    -- envoye, deja-livre, aucun-fichier, refuse, echec
    resultat    VARCHAR(32)  NOT NULL,
    -- why a run failed: fichiers-refuses, sftp-injoignable, livraison-suspendue, autre; null when it did not
    cause       VARCHAR(32)
);
CREATE INDEX IF NOT EXISTS livraison_aaf_date ON livraison_aaf (executee_le);
CREATE INDEX IF NOT EXISTS livraison_aaf_numero ON livraison_aaf (numero);
