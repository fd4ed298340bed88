package fr.conventionent.aaf;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamReader;
import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import org.codehaus.stax2.DTDInfo;

/**
 * Vérifie un fichier AAF en flux (StAX, jamais de DOM) : le fichier peut faire des centaines de Mo, on ne le
 * garde jamais en mémoire. En une seule lecture : XML bien formé, racine {@code ficAlimMENESR}, enfants de la
 * racine limités à {@code addRequest}/{@code modifyRequest}/{@code deleteRequest} (seulement {@code addRequest}
 * dans un Complet), catégorie des entrées conforme au nom du fichier, et comptage octets/lignes/SHA-256.
 *
 * <p>Sécurité : le fichier vient de l'extérieur. L'analyseur est Woodstox, configuré ici (voir {@link #secureFactory()}).
 * <ul>
 *   <li>la DTD n'est jamais chargée ({@code SUPPORT_DTD=false}) : {@code <!DOCTYPE ficAlimMENESR SYSTEM
 *       "ficAlimMENESR.dtd">} est accepté sans que le fichier DTD existe ;</li>
 *   <li>entités externes désactivées et résolveur qui refuse tout : aucun accès fichier ni réseau ;</li>
 *   <li>tout DOCTYPE avec sous-ensemble interne ({@code [...]}) est refusé : c'est là que se déclarent les
 *       entités des attaques XXE et « billion laughs », qui sont donc refusées avant toute expansion ; toute
 *       référence à une entité non prédéfinie est refusée elle aussi ;</li>
 *   <li>le prologue est borné ({@link #MAX_PROLOGUE_BYTES}) pour qu'un DOCTYPE géant ne remplisse pas la mémoire.</li>
 * </ul>
 * Les encodages déclarés (UTF-8, ISO-8859-15…) sont honorés par l'analyseur ; sans déclaration, UTF-8.
 *
 * <p>Sans état : une instance peut servir à plusieurs fichiers, y compris en parallèle.
 */
public class AafXmlChecker {

    public static final String ROOT = "ficAlimMENESR";
    public static final String DTD_FILE = "ficAlimMENESR.dtd";
    public static final long MAX_PROLOGUE_BYTES = 1 << 20;

    /** Au-delà, les problèmes du même fichier ne sont plus détaillés (un fichier faux l'est souvent partout). */
    static final int MAX_PROBLEMS_PER_FILE = 10;

    private static final Pattern DOCTYPE = Pattern.compile(
            "<!DOCTYPE\\s+([^\\s\\[>]+)\\s*(?:(SYSTEM)\\s+([\"'])([^\"']*)\\3|(PUBLIC)\\s+[\"'][^\"']*[\"']\\s+([\"'])([^\"']*)\\6)?\\s*(\\[)?",
            Pattern.DOTALL);

    private static final int BUFFER_SIZE = 1 << 16;
    private static final int MAX_CATEGORY_LENGTH = 64;
    /** Longueur gardée d'un identifiant ou d'un UAI lu : au-delà, la valeur n'est de toute façon pas reconnue. */
    private static final int MAX_VALUE_LENGTH = 64;
    /** Structures distinctes relevées par fichier : une commune en a quelques dizaines ; borne la mémoire. */
    static final int MAX_STRUCTURES = 10_000;

    /** Attributs lus pour la minimisation des données (annexe 1) : UAI d'une école, rattachements des personnes. */
    static final String STRUCTURE_UAI = "ENTStructureUAI";
    static final String PERSON_STRUCTURE = "ENTPersonStructRattach";
    static final String PERSON_FUNCTIONS = "ENTPersonFonctions";

    private final XMLInputFactory factory;

    public AafXmlChecker() {
        this.factory = secureFactory();
    }

    /**
     * Fabrique StAX durcie. Woodstox, instancié directement (et non par {@code XMLInputFactory.newInstance()}) pour
     * que le comportement de sécurité testé ne dépende pas du classpath ; choisi pour sa vitesse (environ 1,6 fois
     * celle de l'analyseur du JDK sur des fichiers AAF) et parce qu'il rend le texte par segments bornés.
     */
    static XMLInputFactory secureFactory() {
        WstxInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false); // l'AAF n'a pas d'espace de noms
        XMLResolver refuse = (publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("résolution d'entité externe refusée : " + systemId);
        };
        f.setXMLResolver(refuse);
        f.setProperty(WstxInputProperties.P_DTD_RESOLVER, refuse);
        f.setProperty(WstxInputProperties.P_ENTITY_RESOLVER, refuse);
        f.setProperty(WstxInputProperties.P_UNDECLARED_ENTITY_RESOLVER, refuse);
        // Pas de limite d'entités abaissée : DTD non traitée, donc aucune entité déclarée à développer ; seules
        // restent les entités prédéfinies (&apos; &amp;…), fréquentes dans les fichiers réels.
        return f;
    }

    /** Vérifie un fichier ; l'extraction attendue est déduite de son nom quand il est lisible. */
    public AafXmlCheck check(Path file) {
        String fileName = file.getFileName().toString();
        Optional<AafFileName> name = parseQuietly(fileName);
        try (InputStream raw = Files.newInputStream(file)) {
            return check(fileName, raw, name.map(AafFileName::category).orElse(null),
                    name.map(AafFileName::type).orElse(null));
        } catch (IOException e) {
            return new AafXmlCheck(fileName, 0, 0, "", "", 0, 0, 0, List.of("lecture impossible : " + e.getMessage()));
        }
    }

    /**
     * Vérifie un flux.
     *
     * @param expectedCategory catégorie attendue des entrées, ou {@code null} pour ne pas la contrôler
     * @param expectedType     type du fichier ({@code COMPLET} n'admet que des addRequest), ou {@code null}
     */
    public AafXmlCheck check(String fileName, InputStream raw, AafCategory expectedCategory, AafFileType expectedType) {
        CountingDigestInputStream in = new CountingDigestInputStream(new BufferedInputStream(raw, BUFFER_SIZE));
        Scan scan = new Scan(expectedCategory, expectedType);
        String encoding = "";
        in.limitUntilReleased(MAX_PROLOGUE_BYTES);
        try {
            // L'analyseur du JDK ferme le flux à reader.close() : on l'en protège pour pouvoir finir de le lire.
            XMLStreamReader reader = factory.createXMLStreamReader(new FilterInputStream(in) {
                @Override
                public void close() {
                    // fermé par l'appelant
                }
            });
            try {
                encoding = Optional.ofNullable(reader.getEncoding()).orElse("UTF-8");
                scan.run(reader, in);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            scan.problem(describe(e));
        } catch (RuntimeException e) {
            // Certaines erreurs d'encodage remontent de l'analyseur du JDK en exception non contrôlée.
            scan.problem("XML illisible : " + e.getMessage());
        }
        in.releaseLimit();
        try {
            in.drain();
        } catch (IOException e) {
            scan.problem("lecture impossible : " + e.getMessage());
        }
        return new AafXmlCheck(fileName, in.bytes(), in.lines(), in.sha256Hex(), encoding,
                scan.adds, scan.modifies, scan.deletes, scan.problems, scan.structures());
    }

    private static Optional<AafFileName> parseQuietly(String fileName) {
        try {
            return Optional.of(AafFileName.parse(fileName));
        } catch (InvalidAafFileNameException e) {
            return Optional.empty();
        }
    }

    private static String describe(XMLStreamException e) {
        // L'analyseur enveloppe les erreurs de lecture du flux : on les rend telles quelles.
        Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        if (cause instanceof CountingDigestInputStream.PrologueTooLargeException) {
            return "fichier refusé : " + cause.getMessage();
        }
        if (cause instanceof java.io.CharConversionException) {
            return "octets invalides pour l'encodage du fichier : " + cause.getMessage();
        }
        if (cause instanceof IOException) {
            return "lecture impossible : " + cause.getMessage();
        }
        String message = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
        int idx = message.indexOf("Message: ");
        if (idx >= 0) {
            message = message.substring(idx + "Message: ".length());
        }
        int at = message.indexOf("\n at [");
        if (at >= 0) {
            message = message.substring(0, at); // la position est redonnée ci-dessous, en français
        }
        Location location = e.getLocation();
        String where = location == null ? "" : " (ligne " + location.getLineNumber() + ", colonne "
                + location.getColumnNumber() + ")";
        return "XML mal formé ou tronqué" + where + " : " + message.strip();
    }

    /** DOCTYPE donné sous forme de texte (analyseurs sans accès structuré). */
    static Optional<String> doctypeProblem(String doctype) {
        Matcher m = DOCTYPE.matcher(doctype);
        if (!m.lookingAt()) {
            return Optional.of("déclaration DOCTYPE illisible, refusée");
        }
        String internalSubset = m.group(8) != null || doctype.indexOf('[') >= 0 ? "[" : null;
        return doctypeProblem(m.group(1), m.group(4) != null ? m.group(4) : m.group(7), internalSubset);
    }

    /** Vérifie le DOCTYPE sans jamais le traiter : seul {@code <!DOCTYPE ficAlimMENESR SYSTEM "ficAlimMENESR.dtd">} passe. */
    static Optional<String> doctypeProblem(String rootName, String systemId, String internalSubset) {
        if (internalSubset != null && !internalSubset.isBlank()) {
            return Optional.of("déclaration DOCTYPE refusée : les déclarations internes (entités) sont interdites");
        }
        if (!ROOT.equals(rootName)) {
            return Optional.of("DOCTYPE « " + rootName + " » inattendu (attendu " + ROOT + ")");
        }
        if (systemId != null && !DTD_FILE.equals(systemId)) {
            return Optional.of("DTD « " + systemId + " » refusée : seule " + DTD_FILE + " est admise (jamais chargée)");
        }
        return Optional.empty();
    }

    /** Attribut dont les valeurs sont gardées pour la minimisation des données. */
    private enum Watched { UAI, STRUCTURE, FUNCTION }

    /** État d'un parcours ; un objet par fichier, pour que le vérificateur reste sans état. */
    private static final class Scan {
        private final AafCategory expectedCategory;
        private final AafFileType expectedType;
        private final List<String> problems = new ArrayList<>();
        private int suppressed;
        private long adds;
        private long modifies;
        private long deletes;
        private final Map<String, String> declared = new LinkedHashMap<>();
        private final Set<String> referenced = new LinkedHashSet<>();
        private boolean tooManyStructures;

        Scan(AafCategory expectedCategory, AafFileType expectedType) {
            this.expectedCategory = expectedCategory;
            this.expectedType = expectedType;
        }

        AafStructures structures() {
            return new AafStructures(declared, referenced);
        }

        /** Nom d'un {@code attr} ou d'une {@code modification} : leur premier attribut XML, en général. */
        private static String attrName(XMLStreamReader r) {
            return r.getAttributeCount() > 0 && "name".equals(r.getAttributeLocalName(0)) ? r.getAttributeValue(0)
                    : r.getAttributeValue(null, "name");
        }

        /** L'attribut dont on garde les valeurs, selon la catégorie du fichier ; null pour les autres. */
        private Watched watched(String attrName) {
            if (attrName == null) {
                return null;
            }
            return switch (expectedCategory) {
                case ETAB_EDUC_NAT -> STRUCTURE_UAI.equals(attrName) ? Watched.UAI : null;
                case ELEVE -> PERSON_STRUCTURE.equals(attrName) ? Watched.STRUCTURE : null;
                case PERS_EDUC_NAT -> PERSON_STRUCTURE.equals(attrName) ? Watched.STRUCTURE
                        : PERSON_FUNCTIONS.equals(attrName) ? Watched.FUNCTION : null;
                case PERS_REL_ELEVE -> null;
            };
        }

        private void reference(String structure) {
            if (structure.isEmpty() || referenced.contains(structure)) {
                return;
            }
            if (referenced.size() + declared.size() >= MAX_STRUCTURES) {
                tooMany();
                return;
            }
            referenced.add(structure);
        }

        private void declare(String structure, String uai, int line) {
            if (structure == null || structure.isEmpty()) {
                problem("école d'UAI « " + uai + " » sans identifiant (ligne " + line + ")");
                return;
            }
            if (!declared.containsKey(structure) && referenced.size() + declared.size() >= MAX_STRUCTURES) {
                tooMany();
                return;
            }
            declared.put(structure, uai);
        }

        private void tooMany() {
            if (!tooManyStructures) {
                tooManyStructures = true;
                problem("plus de " + MAX_STRUCTURES + " structures différentes : fichier refusé (une commune en a"
                        + " quelques dizaines)");
            }
        }

        void problem(String message) {
            if (problems.size() < MAX_PROBLEMS_PER_FILE) {
                problems.add(message);
            } else {
                suppressed++;
                String tail = "… et " + suppressed + " autre(s) problème(s)";
                if (suppressed == 1) {
                    problems.add(tail);
                } else {
                    problems.set(problems.size() - 1, tail);
                }
            }
        }

        /**
         * Profondeurs : 1 racine, 2 requête, 3 operationalAttributes/identifier/attributes…, 4 attr, 5 value.
         * Les noms ne sont regardés qu'aux profondeurs 1 à 3, et la valeur de catégorie à 5 : le reste du
         * document est seulement parcouru (c'est ce qui garde la vérification rapide).
         */
        void run(XMLStreamReader r, CountingDigestInputStream in) throws XMLStreamException {
            int depth = 0;
            boolean inOperational = false;
            boolean rootSeen = false;
            int requestLine = 0;
            // Valeur de catégorie lue par morceaux et tronquée : une valeur géante ne doit pas finir en mémoire.
            StringBuilder category = null;
            // Structures (annexe 1) : seuls les fichiers EtabEducNat, Eleve et PersEducNat ont des attributs à lire ;
            // ailleurs, aucun nom d'attribut n'est regardé.
            boolean structures = expectedCategory != null && expectedCategory != AafCategory.PERS_REL_ELEVE;
            boolean school = expectedCategory == AafCategory.ETAB_EDUC_NAT;
            boolean inIdentifier = false;
            boolean inAttributes = false;
            boolean addRequest = false;
            Watched watched = null;
            StringBuilder captured = null; // valeur (ou identifiant) en cours de lecture, tronquée
            String requestId = null;
            String requestUai = null;
            // Attributs lus par requête (UAI ; rattachement ; rattachement et fonctions) : une fois tous vus, les noms
            // des attributs suivants ne sont plus lus, ce qui garde la vérification aussi rapide qu'avant ce contrôle.
            int watchedPerRequest = expectedCategory == AafCategory.PERS_EDUC_NAT ? 2 : 1;
            int watchedLeft = 0;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> {
                        // Woodstox : getText() d'abord, sinon le sous-ensemble interne est sauté sans être lu ; le
                        // texte rendu est ce sous-ensemble seul (borné par la limite de prologue).
                        String text = r.getText();
                        Optional<String> refused = r instanceof DTDInfo info
                                ? doctypeProblem(info.getDTDRootName(), info.getDTDSystemId(), text)
                                : doctypeProblem(text);
                        if (refused.isPresent()) {
                            problem(refused.get());
                            return; // rien de ce qui suit n'est lu comme du XML
                        }
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth == 1) {
                            in.releaseLimit();
                            rootSeen = true;
                            String root = r.getLocalName();
                            if (!ROOT.equals(root)) {
                                problem("élément racine « " + root + " » inattendu (attendu " + ROOT + ")");
                                return;
                            }
                        } else if (depth == 2) {
                            requestLine = r.getLocation().getLineNumber();
                            String request = r.getLocalName();
                            countRequest(request, requestLine);
                            addRequest = "addRequest".equals(request);
                            watchedLeft = watchedPerRequest;
                            requestId = null;
                            requestUai = null;
                        } else if (depth == 3) {
                            String section = r.getLocalName();
                            inOperational = "operationalAttributes".equals(section);
                            inIdentifier = school && "identifier".equals(section);
                            inAttributes = structures && ("attributes".equals(section) || "modifications".equals(section));
                        } else if (depth == 4) {
                            if (inIdentifier) {
                                captured = new StringBuilder(); // <identifier><id>jointure</id>
                            } else if (inAttributes && watchedLeft > 0) {
                                watched = watched(attrName(r));
                                if (watched != null) {
                                    watchedLeft--;
                                }
                            }
                        } else if (depth == 5 && inOperational && expectedCategory != null) {
                            category = new StringBuilder();
                        } else if (depth == 5 && watched != null) {
                            captured = new StringBuilder();
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (category != null && category.length() < MAX_CATEGORY_LENGTH) {
                            category.append(r.getText(), 0, Math.min(r.getTextLength(), MAX_CATEGORY_LENGTH));
                        } else if (captured != null && captured.length() < MAX_VALUE_LENGTH) {
                            captured.append(r.getTextCharacters(), r.getTextStart(),
                                    Math.min(r.getTextLength(), MAX_VALUE_LENGTH - captured.length()));
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (depth == 5 && captured != null) {
                            String text = captured.toString().strip();
                            captured = null;
                            switch (watched) {
                                case UAI -> requestUai = requestUai == null && !text.isEmpty() ? text : requestUai;
                                case STRUCTURE -> reference(text);
                                case FUNCTION -> {
                                    // « jointure$code$libellé… » : la fonction est exercée dans cette structure
                                    int dollar = text.indexOf('$');
                                    reference(dollar < 0 ? text : text.substring(0, dollar).strip());
                                }
                            }
                        } else if (depth == 4 && captured != null) {
                            requestId = captured.toString().strip();
                            captured = null;
                        } else if (depth == 4) {
                            watched = null;
                        } else if (depth == 3) {
                            inIdentifier = false;
                            inAttributes = false;
                        } else if (depth == 2 && school) {
                            if (requestUai != null) {
                                declare(requestId, requestUai, requestLine);
                            } else if (addRequest) {
                                problem("école sans UAI (" + STRUCTURE_UAI + ", ligne " + requestLine + ")");
                            }
                        }
                        if (depth == 5 && category != null) {
                            String value = category.toString().strip();
                            category = null;
                            if (!expectedCategory.label().equals(value)) {
                                problem("entrée de catégorie « " + value + " » (ligne " + requestLine
                                        + ") dans un fichier " + expectedCategory.label());
                            }
                        } else if (depth == 3) {
                            inOperational = false;
                        }
                        depth--;
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                            problem("référence d'entité « &" + r.getLocalName() + "; » refusée");
                    default -> {
                        // espaces, commentaires : rien à contrôler
                    }
                }
            }
            if (!rootSeen) {
                problem("aucun élément racine " + ROOT);
            }
        }

        private void countRequest(String name, int line) {
            switch (name) {
                case "addRequest" -> adds++;
                case "modifyRequest" -> {
                    modifies++;
                    if (expectedType == AafFileType.COMPLET) {
                        problem("modifyRequest (ligne " + line + ") interdit dans un fichier Complet");
                    }
                }
                case "deleteRequest" -> {
                    deletes++;
                    if (expectedType == AafFileType.COMPLET) {
                        problem("deleteRequest (ligne " + line + ") interdit dans un fichier Complet");
                    }
                }
                default -> problem("élément « " + name + " » inattendu sous " + ROOT + " (ligne " + line
                        + ") : seuls addRequest, modifyRequest et deleteRequest sont admis");
            }
        }
    }
}
