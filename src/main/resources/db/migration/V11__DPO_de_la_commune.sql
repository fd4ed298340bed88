-- Annexe 2: the commune's data-protection officer (optional), who answers for the commune to the CNIL when a
-- security incident lies in its own field (article 6): one name and one address per version of the convention.
-- Portable SQL (H2 and PostgreSQL): Flyway runs it in the postgres profile, Spring's SQL initialisation on H2.
ALTER TABLE convention_version ADD COLUMN IF NOT EXISTS dpo_nom VARCHAR(255);
ALTER TABLE convention_version ADD COLUMN IF NOT EXISTS dpo_email VARCHAR(255);
