package fr.conventionent.aaf.generator;

import static fr.conventionent.aaf.generator.SyntheticData.FAMILY_NAMES;
import static fr.conventionent.aaf.generator.SyntheticData.GIVEN_NAMES_F;
import static fr.conventionent.aaf.generator.SyntheticData.GIVEN_NAMES_M;
import static fr.conventionent.aaf.generator.SyntheticData.LEVELS;
import static fr.conventionent.aaf.generator.SyntheticData.SCHOOL_NAMES;
import static fr.conventionent.aaf.generator.SyntheticData.STREET_NAMES;
import static fr.conventionent.aaf.generator.SyntheticData.TOWNS;
import static fr.conventionent.aaf.generator.SyntheticData.digits;
import static fr.conventionent.aaf.generator.SyntheticData.mailLocalPart;
import static fr.conventionent.aaf.generator.SyntheticData.pick;

import fr.conventionent.aaf.AafCategory;
import fr.conventionent.aaf.AafFileType;
import fr.conventionent.aaf.generator.SyntheticData.Level;
import fr.conventionent.aaf.generator.SyntheticData.Town;
import fr.conventionent.kernel.Uai;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Générateur de fichiers AAF 1er degré synthétiques : écoles (EtabEducNat, UAI à lettre de contrôle valide,
 * calculée par {@link Uai}),
 * personnels (PersEducNat), élèves (Eleve) et leurs responsables (PersRelEleve), dans la structure des
 * extractions réelles ({@code ficAlimMENESR/addRequest/operationalAttributes/identifier/attributes/attr/value}).
 *
 * <p>Déterministe et en flux : chaque entité est recalculée à partir de (graine, catégorie, indice) par son propre
 * générateur pseudo-aléatoire, sans rien garder en mémoire ; les responsables d'un élève se retrouvent ainsi
 * identiques dans le fichier Eleve et dans le fichier PersRelEleve. On peut produire 1 Go avec quelques Mo de tas.
 *
 * <p>Effectifs : 150 élèves par école, un directeur et un enseignant pour 25 élèves par école, un ou deux
 * responsables par élève. Identifiants (jointures) : écoles 100000+i, personnels 500000+i, élèves 2000000+i,
 * responsables 3000000+2i et 3000000+2i+1.
 *
 * <p>Delta : la population est la même que celle du Complet de même graine ; pour la date d'extraction, environ 1 %
 * des entités sont supprimées (deleteRequest), 5 % modifiées (modifyRequest : adresse, classe, téléphone…) et 1 %
 * d'élèves nouveaux ajoutés (addRequest) avec leurs responsables. Une catégorie sans changement n'a pas de fichier.
 */
public class AafGenerator {

    static final int PUPILS_PER_SCHOOL = 150;
    static final int PUPILS_PER_TEACHER = 25;
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final double DELETE_RATE = 0.01;
    private static final double MODIFY_RATE = 0.05;
    private static final double NEW_PUPIL_RATE = 0.01;

    private static final String CATEGORIE_PERSONNE = "categoriePersonne";
    private static final String CATEGORIE_STRUCTURE = "categorieStructure";

    /** Attribut AAF multi-valué. */
    record Attr(String name, List<String> values) {
        Attr(String name, String... values) {
            this(name, List.of(values));
        }
    }

    /** Sorte de changement d'une entité dans un Delta. */
    private enum Change { NONE, ADD, MODIFY, DELETE }

    public AafGenerationResult generate(AafGeneratorOptions options, Path folder) {
        try {
            Files.createDirectories(folder);
            return new Run(options, folder).write();
        } catch (IOException e) {
            throw new UncheckedIOException("génération AAF impossible dans " + folder, e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("génération AAF impossible : " + e.getMessage(), e);
        }
    }

    /** Une génération ; porte les effectifs calculés une fois pour toutes. */
    private static final class Run {
        private final AafGeneratorOptions options;
        private final Path folder;
        private final boolean delta;
        private final int pupils;
        private final int pupilsPerSchool;
        private final int schools;
        private final int staffPerSchool;
        private final int newPupils;
        private final long changeSeed;

        Run(AafGeneratorOptions options, Path folder) {
            this.options = options;
            this.folder = folder;
            this.delta = options.extraction().type() == AafFileType.DELTA;
            this.pupils = options.pupils();
            int given = options.schoolUais().size();
            this.pupilsPerSchool = given == 0 ? PUPILS_PER_SCHOOL : (pupils + given - 1) / given;
            this.schools = given == 0 ? (pupils + PUPILS_PER_SCHOOL - 1) / PUPILS_PER_SCHOOL : given;
            int pupilsInFullSchool = Math.min(pupilsPerSchool, pupils);
            this.staffPerSchool = 1 + (pupilsInFullSchool + PUPILS_PER_TEACHER - 1) / PUPILS_PER_TEACHER;
            this.newPupils = delta ? (int) Math.ceil(pupils * NEW_PUPIL_RATE) : 0;
            // Les changements dépendent de la date : deux Delta de jours différents diffèrent.
            this.changeSeed = mix(options.seed(), options.extraction().date().toEpochDay());
        }

        AafGenerationResult write() throws IOException, XMLStreamException {
            List<Path> files = new ArrayList<>();
            Map<AafCategory, Long> entries = new EnumMap<>(AafCategory.class);
            for (AafCategory category : AafCategory.values()) {
                try (RollingAafFileWriter out = new RollingAafFileWriter(folder, options.extraction(), category,
                        options.maxEntriesPerFile(), options.encoding())) {
                    switch (category) {
                        case ETAB_EDUC_NAT -> writeSchools(out);
                        case PERS_EDUC_NAT -> writeStaff(out);
                        case ELEVE -> writePupils(out);
                        case PERS_REL_ELEVE -> writeParents(out);
                    }
                    files.addAll(out.files());
                    entries.put(category, out.entries());
                }
            }
            long bytes = 0;
            for (Path f : files) {
                bytes += Files.size(f);
            }
            return new AafGenerationResult(files, entries, bytes);
        }

        // ---- changements d'un Delta ----

        private Change changeOf(AafCategory category, int index, int population) {
            if (!delta) {
                return Change.ADD;
            }
            if (index >= population) {
                return Change.ADD;
            }
            double r = new SplittableRandom(mix(changeSeed, category.ordinal() * 1_000_003L + index)).nextDouble();
            if (r < DELETE_RATE) {
                return Change.DELETE;
            }
            return r < DELETE_RATE + MODIFY_RATE ? Change.MODIFY : Change.NONE;
        }

        private SplittableRandom random(AafCategory category, long index) {
            return new SplittableRandom(mix(options.seed(), category.ordinal() * 1_000_003L + index));
        }

        // ---- écoles ----

        private void writeSchools(RollingAafFileWriter out) throws XMLStreamException {
            for (int i = 0; i < schools; i++) {
                Change change = changeOf(AafCategory.ETAB_EDUC_NAT, i, schools);
                int school = i;
                if (change != Change.NONE) {
                    write(out, change, CATEGORIE_STRUCTURE, AafCategory.ETAB_EDUC_NAT, schoolId(i), () -> school(school));
                }
            }
        }

        private int schoolOf(int pupil) {
            return Math.min(pupil / pupilsPerSchool, schools - 1);
        }

        private static String schoolId(int school) {
            return Integer.toString(100_000 + school);
        }

        private Town schoolTown(int school) {
            return TOWNS.get(random(AafCategory.ETAB_EDUC_NAT, school).nextInt(TOWNS.size()));
        }

        private List<Attr> school(int i) {
            SplittableRandom r = random(AafCategory.ETAB_EDUC_NAT, i);
            Town town = TOWNS.get(r.nextInt(TOWNS.size()));
            // 3 chiffres de département + 4 chiffres propres à l'école ; la lettre de contrôle suit.
            String uai = options.schoolUais().isEmpty()
                    ? Uai.withCheckLetter(town.department() + String.format("%04d", (i * 7919 + 1) % 10_000))
                    : options.schoolUais().get(i);
            String name = pick(r, SCHOOL_NAMES);
            return List.of(
                    new Attr("ENTStructureJointure", schoolId(i)),
                    new Attr("ENTStructureUAI", uai),
                    new Attr("ENTEtablissementUAI", uai),
                    new Attr("ENTStructureNomCourant", "E.PR.PU " + name + "$ECOLE PRIMAIRE PUBLIQUE " + name + "$" + town.name()),
                    new Attr("ENTStructureTypeStruct", "ECOLE PRIMAIRE PUBLIQUE"),
                    new Attr("ENTStructureCodeTypeStruct", "151"),
                    new Attr("ENTEtablissementMinistereTutelle", "MINISTERE DE L'EDUCATION NATIONALE"),
                    new Attr("ENTEtablissementContrat", "PU"),
                    new Attr("street", (1 + r.nextInt(120)) + " " + pick(r, STREET_NAMES)),
                    new Attr("postalCode", town.postalCode()),
                    new Attr("l", town.name()),
                    new Attr("telephoneNumber", "01 " + digits(r, 2) + " " + digits(r, 2) + " " + digits(r, 2) + " " + digits(r, 2)),
                    new Attr("ENTStructureMailSI", "ce." + uai.toLowerCase() + "@ecoles.exemple.invalid"),
                    new Attr("ENTServAcAcademie", "VERSAILLES"),
                    new Attr("ENTServAcCodeAcademie", "025"));
        }

        // ---- personnels ----

        private void writeStaff(RollingAafFileWriter out) throws XMLStreamException {
            int staff = schools * staffPerSchool;
            for (int k = 0; k < staff; k++) {
                Change change = changeOf(AafCategory.PERS_EDUC_NAT, k, staff);
                int member = k;
                if (change != Change.NONE) {
                    write(out, change, CATEGORIE_PERSONNE, AafCategory.PERS_EDUC_NAT, Integer.toString(500_000 + k), () -> staffMember(member));
                }
            }
        }

        private List<Attr> staffMember(int k) {
            SplittableRandom r = random(AafCategory.PERS_EDUC_NAT, k);
            int school = k / staffPerSchool;
            boolean director = k % staffPerSchool == 0;
            boolean woman = r.nextInt(100) < 80;
            String given = pick(r, woman ? GIVEN_NAMES_F : GIVEN_NAMES_M);
            String family = pick(r, FAMILY_NAMES);
            String sid = schoolId(school);
            Level level = LEVELS.get(k % LEVELS.size());
            String className = level.shortLabel() + " " + (char) ('A' + r.nextInt(2));
            List<Attr> attrs = new ArrayList<>(List.of(
                    new Attr("ENTPersonJointure", Integer.toString(500_000 + k)),
                    new Attr("ENTPersonDateNaissance", FRENCH_DATE.format(LocalDate.of(1960 + r.nextInt(40), 1 + r.nextInt(12), 1 + r.nextInt(28)))),
                    new Attr("ENTPersonNomPatro", family),
                    new Attr("sn", family),
                    new Attr("givenName", given),
                    new Attr("ENTPersonAutresPrenoms", given),
                    new Attr("personalTitle", woman ? "Mme" : "M."),
                    new Attr("mail", mailLocalPart(given, family) + k + "@personnels.exemple.invalid"),
                    new Attr("ENTPersonStructRattach", sid)));
            if (director) {
                attrs.add(new Attr("ENTPersonFonctions", sid + "$DIR$DIRECTION$D0010$DIRECTEUR D'ECOLE",
                        sid + "$ENS$ENSEIGNEMENT$E0010$PROFESSEUR DES ECOLES"));
                attrs.add(new Attr("ENTAuxEnsClasses", ""));
            } else {
                attrs.add(new Attr("ENTPersonFonctions", sid + "$ENS$ENSEIGNEMENT$E0010$PROFESSEUR DES ECOLES"));
                attrs.add(new Attr("ENTAuxEnsClasses", sid + "$" + className));
            }
            attrs.add(new Attr("PersEducNatPresenceDevantEleves", "O"));
            return attrs;
        }

        // ---- élèves ----

        private void writePupils(RollingAafFileWriter out) throws XMLStreamException {
            for (int i = 0; i < pupils + newPupils; i++) {
                Change change = changeOf(AafCategory.ELEVE, i, pupils);
                int pupil = i;
                if (change != Change.NONE) {
                    write(out, change, CATEGORIE_PERSONNE, AafCategory.ELEVE, pupilId(i), () -> pupil(pupil));
                }
            }
        }

        private static String pupilId(int i) {
            return Integer.toString(2_000_000 + i);
        }

        private int parentsOf(int pupil) {
            return random(AafCategory.PERS_REL_ELEVE, pupil).nextInt(100) < 75 ? 2 : 1;
        }

        private static String parentId(int pupil, int rank) {
            return Integer.toString(3_000_000 + 2 * pupil + rank);
        }

        /** Nom de famille et adresse partagés par l'élève et ses responsables. */
        private record Family(String name, String address, Town town) {
        }

        private Family family(int pupil) {
            SplittableRandom r = random(AafCategory.PERS_REL_ELEVE, pupil);
            r.nextInt(100); // même tirage que parentsOf, pour garder les flux indépendants
            int school = schoolOf(pupil);
            return new Family(pick(r, FAMILY_NAMES), (1 + r.nextInt(200)) + " " + pick(r, STREET_NAMES),
                    schoolTown(school));
        }

        private List<Attr> pupil(int i) {
            SplittableRandom r = random(AafCategory.ELEVE, i);
            Family family = family(i);
            int school = schoolOf(i);
            String sid = schoolId(school);
            Level level = LEVELS.get(r.nextInt(LEVELS.size()));
            String className = level.shortLabel() + " " + (char) ('A' + r.nextInt(2));
            boolean girl = r.nextBoolean();
            String given = pick(r, girl ? GIVEN_NAMES_F : GIVEN_NAMES_M);
            LocalDate birth = options.extraction().date().minusYears(level.age()).minusDays(r.nextInt(365));
            List<String> relations = new ArrayList<>();
            int parents = parentsOf(i);
            for (int p = 0; p < parents; p++) {
                // identifiant$lien (10 mère, 20 père)$resp. financier$resp. légal$contact$paiement
                relations.add(parentId(i, p) + (p == 0 ? "$10" : "$20") + "$1$1$1$" + (p == 0 ? "1" : "0"));
            }
            return List.of(
                    new Attr("ENTPersonJointure", pupilId(i)),
                    new Attr("ENTEleveINE", digits(r, 9) + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26))),
                    new Attr("ENTPersonDateNaissance", FRENCH_DATE.format(birth)),
                    new Attr("ENTPersonNomPatro", family.name()),
                    new Attr("sn", family.name()),
                    new Attr("givenName", given),
                    new Attr("ENTPersonAutresPrenoms", given, pick(r, girl ? GIVEN_NAMES_F : GIVEN_NAMES_M)),
                    new Attr("ENTElevePersRelEleve", relations),
                    new Attr("ENTPersonAdresse", family.address() + "$$$"),
                    new Attr("ENTPersonCodePostal", family.town().postalCode()),
                    new Attr("ENTPersonVille", family.town().name()),
                    new Attr("ENTPersonPays", "FRANCE"),
                    new Attr("ENTEleveStatutEleve", "SCOLAIRE"),
                    new Attr("ENTEleveMEF", level.mef()),
                    new Attr("ENTEleveLibelleMEF", level.shortLabel()),
                    new Attr("ENTEleveNivFormation", level.longLabel()),
                    new Attr("ENTPersonStructRattach", sid),
                    new Attr("ENTEleveStructRattachId", sid),
                    new Attr("ENTEleveClasses", sid + "$" + className),
                    new Attr("ENTEleveDateEntreeClasses", sid + "$" + FRENCH_DATE.format(LocalDate.of(
                            options.extraction().date().getYear(), 9, 1)) + "$" + className),
                    new Attr("ENTEleveGroupes", ""));
        }

        // ---- responsables ----

        private void writeParents(RollingAafFileWriter out) throws XMLStreamException {
            for (int i = 0; i < pupils + newPupils; i++) {
                // Un responsable suit son élève : ajouté, modifié ou supprimé avec lui.
                Change change = changeOf(AafCategory.ELEVE, i, pupils);
                if (change == Change.NONE) {
                    continue;
                }
                int parents = parentsOf(i);
                for (int p = 0; p < parents; p++) {
                    int pupil = i;
                    int rank = p;
                    write(out, change, CATEGORIE_PERSONNE, AafCategory.PERS_REL_ELEVE, parentId(i, p), () -> parent(pupil, rank));
                }
            }
        }

        private List<Attr> parent(int pupil, int rank) {
            SplittableRandom r = random(AafCategory.PERS_REL_ELEVE, 10_000_000L + 2L * pupil + rank);
            Family family = family(pupil);
            boolean mother = rank == 0;
            String given = pick(r, mother ? GIVEN_NAMES_F : GIVEN_NAMES_M);
            String birthName = mother && r.nextBoolean() ? pick(r, FAMILY_NAMES) : family.name();
            return List.of(
                    new Attr("ENTPersonJointure", parentId(pupil, rank)),
                    new Attr("ENTPersonDateNaissance", ""),
                    new Attr("ENTPersonNomPatro", birthName),
                    new Attr("sn", family.name()),
                    new Attr("givenName", given),
                    new Attr("personalTitle", mother ? "Mme" : "M."),
                    new Attr("homePhone", "01" + digits(r, 8)),
                    new Attr("mobile", "06" + digits(r, 8)),
                    new Attr("mail", mailLocalPart(given, family.name()) + "@familles.exemple.invalid"),
                    new Attr("ENTPersonAdresse", family.address() + "$$$"),
                    new Attr("ENTPersonCodePostal", family.town().postalCode()),
                    new Attr("ENTPersonVille", family.town().name()),
                    new Attr("ENTPersonPays", "FRANCE"));
        }

        // ---- écriture d'une entrée ----

        private interface AttrSource {
            List<Attr> get();
        }

        private void write(RollingAafFileWriter out, Change change, String categoryAttr, AafCategory category,
                           String id, AttrSource attrs) throws XMLStreamException {
            XMLStreamWriter w = out.nextEntry();
            String element = switch (change) {
                case ADD, NONE -> "addRequest";
                case MODIFY -> "modifyRequest";
                case DELETE -> "deleteRequest";
            };
            w.writeStartElement(element);
            newline(w, 1);
            w.writeStartElement("operationalAttributes");
            w.writeStartElement("attr");
            w.writeAttribute("name", categoryAttr);
            w.writeStartElement("value");
            w.writeCharacters(category.label());
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            newline(w, 1);
            w.writeStartElement("identifier");
            w.writeStartElement("id");
            w.writeCharacters(id);
            w.writeEndElement();
            w.writeEndElement();
            switch (change) {
                case ADD, NONE -> writeAttributes(w, attrs.get());
                case MODIFY -> writeModifications(w, attrs.get(), id);
                case DELETE -> {
                    // une suppression ne porte que l'identifiant
                }
            }
            newline(w, 0);
            w.writeEndElement();
            newline(w, 0);
        }

        private static void writeAttributes(XMLStreamWriter w, List<Attr> attrs) throws XMLStreamException {
            newline(w, 1);
            w.writeStartElement("attributes");
            for (Attr attr : attrs) {
                newline(w, 2);
                w.writeStartElement("attr");
                w.writeAttribute("name", attr.name());
                writeValues(w, attr);
                w.writeEndElement();
            }
            newline(w, 1);
            w.writeEndElement();
        }

        /** Modifie 1 à 3 attributs (hors jointure), toujours en « replace » comme l'impose la DTD. */
        private void writeModifications(XMLStreamWriter w, List<Attr> attrs, String id) throws XMLStreamException {
            SplittableRandom r = new SplittableRandom(mix(changeSeed, id.hashCode()));
            newline(w, 1);
            w.writeStartElement("modifications");
            int count = 1 + r.nextInt(3);
            for (int c = 0; c < count; c++) {
                Attr attr = attrs.get(1 + r.nextInt(attrs.size() - 1));
                newline(w, 2);
                w.writeStartElement("modification");
                w.writeAttribute("name", attr.name());
                w.writeAttribute("operation", "replace");
                writeValues(w, changed(attr, r));
                w.writeEndElement();
            }
            newline(w, 1);
            w.writeEndElement();
        }

        private static Attr changed(Attr attr, SplittableRandom r) {
            return switch (attr.name()) {
                case "homePhone", "telephoneNumber" -> new Attr(attr.name(), "01" + digits(r, 8));
                case "mobile" -> new Attr(attr.name(), "06" + digits(r, 8));
                case "ENTPersonAdresse", "street" -> new Attr(attr.name(), (1 + r.nextInt(200)) + " " + pick(r, STREET_NAMES) + "$$$");
                default -> attr; // valeur ré-affirmée : un Delta réel en contient aussi
            };
        }

        private static void writeValues(XMLStreamWriter w, Attr attr) throws XMLStreamException {
            for (String value : attr.values()) {
                if (value.isEmpty()) {
                    w.writeEmptyElement("value");
                } else {
                    w.writeStartElement("value");
                    w.writeCharacters(value);
                    w.writeEndElement();
                }
            }
        }

        private static final String[] INDENT = {"\n", "\n    ", "\n        "};

        private static void newline(XMLStreamWriter w, int level) throws XMLStreamException {
            w.writeCharacters(INDENT[level]);
        }
    }

    /** Mélange de type SplitMix64 : graines bien réparties même pour des indices consécutifs. */
    static long mix(long seed, long value) {
        long z = seed + 0x9E3779B97F4A7C15L * (value + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
