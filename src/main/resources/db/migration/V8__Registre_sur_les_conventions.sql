-- The registry becomes a query over the convention's own table: where each convention is in its life (status,
-- dates of its term, current version, next comité, last AAF delivery, the step it waits on) is written by the
-- application (fr.conventionent.convention.ConventionLife) in the transaction of the step that changed it, next to
-- what the convention says (V7). The history-fed copy registre_convention (V2) goes; conventions of an earlier
-- release get these columns from their processes at the first start (ConventionRecordBackfill).
-- Portable SQL (H2 and PostgreSQL): Flyway runs it in the postgres profile, Spring's SQL initialisation on H2.
ALTER TABLE convention ADD COLUMN IF NOT EXISTS commune_nom VARCHAR(255);
ALTER TABLE convention ADD COLUMN IF NOT EXISTS departement VARCHAR(3);
ALTER TABLE convention ADD COLUMN IF NOT EXISTS circonscription VARCHAR(64);
-- en-preparation, dans-le-circuit, en-vigueur, en-preavis, resiliee, terminee; annulee when an administrator
-- deleted its process (kept so that its number is never given again, hidden from the registry)
ALTER TABLE convention ADD COLUMN IF NOT EXISTS statut VARCHAR(32);
ALTER TABLE convention ADD COLUMN IF NOT EXISTS etape VARCHAR(255);
ALTER TABLE convention ADD COLUMN IF NOT EXISTS etape_depuis TIMESTAMP;
ALTER TABLE convention ADD COLUMN IF NOT EXISTS date_signature DATE;
-- first day of the current yearly period (the signature, then each tacit renewal)
ALTER TABLE convention ADD COLUMN IF NOT EXISTS debut_periode DATE;
ALTER TABLE convention ADD COLUMN IF NOT EXISTS fin_terme_initial DATE;
ALTER TABLE convention ADD COLUMN IF NOT EXISTS prochain_anniversaire DATE;
ALTER TABLE convention ADD COLUMN IF NOT EXISTS limite_denonciation DATE;
ALTER TABLE convention ADD COLUMN IF NOT EXISTS date_fin DATE;
ALTER TABLE convention ADD COLUMN IF NOT EXISTS version INTEGER;
ALTER TABLE convention ADD COLUMN IF NOT EXISTS prochain_comite DATE;
ALTER TABLE convention ADD COLUMN IF NOT EXISTS aaf_derniere TIMESTAMP;
ALTER TABLE convention ADD COLUMN IF NOT EXISTS aaf_resultat VARCHAR(32);
ALTER TABLE convention ADD COLUMN IF NOT EXISTS aaf_resume VARCHAR(1000);

CREATE INDEX IF NOT EXISTS convention_instance ON convention (process_instance_id);
CREATE INDEX IF NOT EXISTS convention_departement ON convention (departement, statut);
CREATE INDEX IF NOT EXISTS convention_circonscription ON convention (circonscription, statut);
CREATE INDEX IF NOT EXISTS convention_anniversaire ON convention (statut, prochain_anniversaire);
CREATE INDEX IF NOT EXISTS convention_etape ON convention (statut, etape_depuis);

DROP TABLE IF EXISTS registre_convention;
