-- Circonscriptions des incidents et des livraisons AAF: figures per circonscription follow the circonscriptions of
-- the schools (of the incident, of the convention), not the commune's one.
-- circonscription_incident: the circonscriptions of the schools an incident names (of every school of the
-- convention for "toutes"), written when it is reported (fr.conventionent.incident.IncidentCirconscriptionsLog);
-- the incidents reported earlier are copied at start-up from the engine's history (variables circonscriptions, or
-- the commune's circonscription).
-- livraison_aaf_jour: niveau 'C' now counts a run once in each circonscription of its convention, so a new niveau
-- 'D' counts it once per département (a département's figures never count a run twice). Both are recomputed once
-- from the runs (livraison_aaf) when no 'D' counter exists yet.
-- Portable SQL (H2 and PostgreSQL): Flyway runs it in the postgres profile, Spring's SQL initialisation on H2.
CREATE TABLE IF NOT EXISTS circonscription_incident (
    instance_incident VARCHAR(64) NOT NULL,
    circonscription   VARCHAR(64) NOT NULL,
    PRIMARY KEY (instance_incident, circonscription)
);
CREATE INDEX IF NOT EXISTS circonscription_incident_code ON circonscription_incident (circonscription, instance_incident);

DELETE FROM livraison_aaf_jour WHERE niveau = 'C'
  AND NOT EXISTS (SELECT 1 FROM livraison_aaf_jour d WHERE d.niveau = 'D');
INSERT INTO livraison_aaf_jour (niveau, jour, exploitant, departement, circonscription, resultat, cause, nombre)
SELECT 'C', CAST(l.executee_le AS DATE), COALESCE(l.exploitant, ''), COALESCE(c.departement, ''),
       cc.circonscription, l.resultat, COALESCE(l.cause, ''), COUNT(*)
FROM livraison_aaf l JOIN convention c ON c.numero = l.numero
JOIN circonscription_convention cc ON cc.numero = l.numero
WHERE c.statut IS NOT NULL AND c.statut <> 'annulee'
  AND NOT EXISTS (SELECT 1 FROM livraison_aaf_jour d WHERE d.niveau = 'D')
GROUP BY CAST(l.executee_le AS DATE), COALESCE(l.exploitant, ''), COALESCE(c.departement, ''), cc.circonscription,
         l.resultat, COALESCE(l.cause, '');
INSERT INTO livraison_aaf_jour (niveau, jour, exploitant, departement, circonscription, resultat, cause, nombre)
SELECT 'D', CAST(l.executee_le AS DATE), COALESCE(l.exploitant, ''), COALESCE(c.departement, ''), '', l.resultat,
       COALESCE(l.cause, ''), COUNT(*)
FROM livraison_aaf l JOIN convention c ON c.numero = l.numero
WHERE c.statut IS NOT NULL AND c.statut <> 'annulee'
  AND NOT EXISTS (SELECT 1 FROM livraison_aaf_jour d WHERE d.niveau = 'D')
GROUP BY CAST(l.executee_le AS DATE), COALESCE(l.exploitant, ''), COALESCE(c.departement, ''), l.resultat,
         COALESCE(l.cause, '');
