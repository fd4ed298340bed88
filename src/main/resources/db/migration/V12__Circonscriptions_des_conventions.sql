-- Circonscriptions des conventions: a commune's schools may belong to several circonscriptions, so a convention
-- concerns every circonscription of a school of its Annexe 1 (its latest version), each IEN of them transmits it in
-- the circuit and sees it in the registry. Written by the application (fr.conventionent.convention
-- .ConventionCirconscriptions) with each version of the convention. A convention of an earlier release keeps the
-- one circonscription it had; the conventions of communes whose schools the referential lists are recomputed from
-- their schools at start-up.
-- Portable SQL (H2 and PostgreSQL): Flyway runs it in the postgres profile, Spring's SQL initialisation on H2.
CREATE TABLE IF NOT EXISTS circonscription_convention (
    numero          VARCHAR(64) NOT NULL REFERENCES convention (numero),
    circonscription VARCHAR(64) NOT NULL,
    PRIMARY KEY (numero, circonscription)
);
CREATE INDEX IF NOT EXISTS circonscription_convention_code ON circonscription_convention (circonscription);

INSERT INTO circonscription_convention (numero, circonscription)
SELECT c.numero, c.circonscription FROM convention c
WHERE c.circonscription IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM circonscription_convention e WHERE e.numero = c.numero);
