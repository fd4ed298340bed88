-- Livraisons AAF refusées pour des écoles hors de l'annexe 1 de la convention (minimisation des données) : la cause
-- 'uai-hors-annexe' dans livraison_aaf.cause et livraison_aaf_jour.cause (colonnes VARCHAR(32) déjà là), et sur la
-- ligne de la livraison les UAI en cause (séparés par des virgules, les 200 premiers dans l'ordre de lecture) et leur
-- nombre. Null pour toute autre livraison. Écrit par fr.conventionent.aaf.process.AafRunLog.
-- Portable SQL (H2 and PostgreSQL): Flyway runs it in the postgres profile, Spring's SQL initialisation on H2.
ALTER TABLE livraison_aaf ADD COLUMN IF NOT EXISTS uai_hors_annexe VARCHAR(2000);
ALTER TABLE livraison_aaf ADD COLUMN IF NOT EXISTS nombre_uai_hors_annexe INTEGER;
