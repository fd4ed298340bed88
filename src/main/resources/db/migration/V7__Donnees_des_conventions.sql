-- Données des conventions: what each convention says (its commune and maire, Annexe 1 schools, Annexe 2 référent,
-- correspondants, éditeur and exploitant), one row per version (the text being prepared, then each signed
-- version: the initial convention and each avenant), owned by the application and written in the transaction of
-- the engine step that validated it (fr.conventionent.convention.ConventionRecords). The engine keeps where the
-- convention stands; these tables keep what it says. A database of an earlier release is filled from the
-- processes' variables at the first start (ConventionRecordBackfill).
-- Portable SQL (H2 and PostgreSQL): Flyway runs it in the postgres profile, Spring's SQL initialisation on H2.
CREATE TABLE IF NOT EXISTS convention (
    numero              VARCHAR(64)  NOT NULL PRIMARY KEY,
    commune_insee       VARCHAR(5)   NOT NULL,
    process_instance_id VARCHAR(64),
    cree_le             TIMESTAMP    NOT NULL
);
CREATE INDEX IF NOT EXISTS convention_commune ON convention (commune_insee);

CREATE TABLE IF NOT EXISTS convention_version (
    numero             VARCHAR(64)  NOT NULL REFERENCES convention (numero),
    version            INTEGER      NOT NULL,
    -- en-preparation (being written or in its circuit), signee (in force from depuis)
    etat               VARCHAR(16)  NOT NULL,
    depuis             DATE,
    origine            VARCHAR(255),
    commune_nom        VARCHAR(255),
    commune_adresse    VARCHAR(500),
    maire_nom          VARCHAR(255),
    referent_nom       VARCHAR(255),
    referent_telephone VARCHAR(32),
    referent_email     VARCHAR(255),
    editeur_ent        VARCHAR(255),
    exploitant_ent     VARCHAR(255),
    enregistree_le     TIMESTAMP    NOT NULL,
    PRIMARY KEY (numero, version)
);

-- Annexe 1: the schools of a version, in the order the commune gave them
CREATE TABLE IF NOT EXISTS convention_ecole (
    numero  VARCHAR(64)  NOT NULL,
    version INTEGER      NOT NULL,
    rang    INTEGER      NOT NULL,
    uai     VARCHAR(8)   NOT NULL,
    nom     VARCHAR(255),
    adresse VARCHAR(500),
    PRIMARY KEY (numero, version, rang),
    FOREIGN KEY (numero, version) REFERENCES convention_version (numero, version)
);
CREATE INDEX IF NOT EXISTS convention_ecole_uai ON convention_ecole (uai);

-- Annexe 2: the operator's technical correspondents of a version (1 or 2)
CREATE TABLE IF NOT EXISTS convention_correspondant (
    numero    VARCHAR(64)  NOT NULL,
    version   INTEGER      NOT NULL,
    rang      INTEGER      NOT NULL,
    nom       VARCHAR(255),
    telephone VARCHAR(32),
    email     VARCHAR(255),
    PRIMARY KEY (numero, version, rang),
    FOREIGN KEY (numero, version) REFERENCES convention_version (numero, version)
);
