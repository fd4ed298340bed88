-- Registre des conventions: one row per `convention` instance, kept up to date by the engine's history events
-- (fr.conventionent.registry.RegistryHistoryEventHandler) in the transaction that changes the convention, so that
-- the registry page filters, sorts and pages 35,000 conventions in the database. Portable SQL (H2 and PostgreSQL):
-- Flyway runs it in the postgres profile, Spring's SQL initialisation on H2.
CREATE TABLE IF NOT EXISTS registre_convention (
    process_instance_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    numero                VARCHAR(64),
    commune_insee         VARCHAR(5),
    commune_nom           VARCHAR(255),
    departement           VARCHAR(3),
    circonscription       VARCHAR(64),
    statut                VARCHAR(32),
    etape                 VARCHAR(255),
    etape_depuis          TIMESTAMP,
    cree_le               TIMESTAMP,
    date_signature        DATE,
    fin_terme_initial     DATE,
    prochain_anniversaire DATE,
    limite_denonciation   DATE,
    date_fin              DATE,
    version               INTEGER,
    prochain_comite       DATE,
    aaf_derniere          TIMESTAMP,
    aaf_resultat          VARCHAR(32),
    aaf_resume            VARCHAR(1000)
);
CREATE UNIQUE INDEX IF NOT EXISTS registre_convention_numero ON registre_convention (numero);
CREATE INDEX IF NOT EXISTS registre_convention_commune ON registre_convention (commune_insee);
CREATE INDEX IF NOT EXISTS registre_convention_departement ON registre_convention (departement, statut);
CREATE INDEX IF NOT EXISTS registre_convention_circonscription ON registre_convention (circonscription, statut);
CREATE INDEX IF NOT EXISTS registre_convention_anniversaire ON registre_convention (statut, prochain_anniversaire);
CREATE INDEX IF NOT EXISTS registre_convention_etape ON registre_convention (statut, etape_depuis);

-- the secret of each user's personal calendar feed (revoked = replaced)
CREATE TABLE IF NOT EXISTS registre_calendrier (
    utilisateur VARCHAR(255) NOT NULL PRIMARY KEY,
    jeton       VARCHAR(64)  NOT NULL,
    cree_le     TIMESTAMP    NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS registre_calendrier_jeton ON registre_calendrier (jeton);
