package fr.conventionent.aaf.process;

import static fr.conventionent.aaf.process.LivraisonAafProcess.*;

import fr.conventionent.aaf.AafExtraction;
import fr.conventionent.aaf.AafFileName;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.InvalidSubmissionException;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.kernel.SubmittedDates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the DSI agreed with the operator's technical correspondents for one target, read from (and checked before
 * being written to) the process variables. {@link #validate} is the server-side check of the set-up task: every
 * problem in French, and the normalised values to store.
 */
public record AafDeliverySettings(String prefix, AafSchedule schedule, boolean zip, String archiveNamePattern,
                                  boolean bordereau, String recipientCode, String host, int port, String user,
                                  String remoteDir, String hostKeyFingerprint) {

    static final int MAX_PREFIX = 64;
    static final int MAX_REASON = 500;
    static final String DATE_PLACEHOLDER = "{date}";
    static final String TYPE_PLACEHOLDER = "{type}";

    private static final Pattern ARCHIVE_NAME = Pattern.compile("[A-Za-z0-9{][A-Za-z0-9._{}-]{0,95}\\.zip");
    private static final Pattern RECIPIENT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,49}");
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}");
    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}=?");

    /** The name of the zip archive for one extraction: {@code {date}} → aaaammjj, {@code {type}} → Complet/Delta. */
    public String archiveName(AafExtraction extraction) {
        return archiveNamePattern == null ? null : archiveNamePattern
                .replace(DATE_PLACEHOLDER, AafFileName.DATE_FORMAT.format(extraction.date()))
                .replace(TYPE_PLACEHOLDER, extraction.type().label());
    }

    /** Reads accepted settings (the set-up task validated them). */
    public static AafDeliverySettings from(Function<String, Object> variables) {
        Validation validation = validate(variables, false);
        if (!validation.errors().isEmpty()) {
            throw new IllegalStateException("paramètres de livraison invalides : " + String.join(" ", validation.errors()));
        }
        return validation.settings();
    }

    /** The schedule alone (the timer needs nothing else: a bad SFTP value must not stop the next run being planned). */
    public static AafSchedule schedule(Function<String, Object> variables) {
        return AafSchedule.of(strings(variables.apply(JOURS_COMPLET)), strings(variables.apply(JOURS_DELTA)),
                text(variables.apply(HEURE_LIVRAISON)));
    }

    /** Outcome of the set-up check: problems in French, or the settings and the variables to store. */
    public record Validation(List<String> errors, AafDeliverySettings settings, Map<String, Object> variables) {
    }

    /** The set-up check: also refuses an initial load already past. */
    public static Validation validate(Function<String, Object> variables) {
        return validate(variables, true);
    }

    /** @param atSetUp whether to check what depends on the time of the set-up (not when the settings are read back) */
    private static Validation validate(Function<String, Object> variables, boolean atSetUp) {
        List<String> errors = new ArrayList<>();
        Map<String, Object> normalized = new LinkedHashMap<>();

        String prefix = text(variables.apply(PREFIXE_FICHIERS));
        if (prefix == null) {
            errors.add("Indiquez le préfixe des fichiers convenu avec l'exploitant.");
        } else if (prefix.length() > MAX_PREFIX || !AafFileName.isValidPrefix(prefix)) {
            errors.add("Le préfixe « " + prefix + " » n'est pas valide : lettres sans accent, chiffres, « _ » et « - »,"
                    + " en commençant par une lettre ou un chiffre, " + MAX_PREFIX + " caractères au plus.");
        }
        normalized.put(PREFIXE_FICHIERS, prefix);

        AafSchedule schedule = null;
        List<String> complet = strings(variables.apply(JOURS_COMPLET));
        List<String> delta = strings(variables.apply(JOURS_DELTA));
        String time = text(variables.apply(HEURE_LIVRAISON));
        int errorsBefore = errors.size();
        try {
            AafSchedule.parseTime(time);
        } catch (IllegalArgumentException e) {
            errors.add(time == null ? "Indiquez l'heure de livraison (par exemple 06:00)."
                    : "L'heure de livraison « " + time + " » doit s'écrire HH:MM, de 00:00 à 23:59 (par exemple 06:00).");
        }
        List<String> unknown = new ArrayList<>();
        for (String day : concat(complet, delta)) {
            if (!AafSchedule.JOURS.containsKey(day.toLowerCase(java.util.Locale.ROOT))) {
                unknown.add(day);
            }
        }
        if (!unknown.isEmpty()) {
            errors.add("Jour de livraison inconnu : " + String.join(", ", unknown) + " (du lundi au vendredi seulement).");
        } else if (complet.isEmpty()) {
            errors.add("Choisissez au moins un jour de Complet (les complets sont fournis chaque jeudi).");
        } else {
            List<String> both = AafSchedule.names(AafSchedule.days(complet));
            both.retainAll(AafSchedule.names(AafSchedule.days(delta)));
            if (!both.isEmpty()) {
                errors.add("Un jour ne peut pas recevoir à la fois un Complet et un Delta : " + String.join(", ", both) + ".");
            }
        }
        if (errors.size() == errorsBefore) {
            schedule = AafSchedule.of(complet, delta, time);
            normalized.put(JOURS_COMPLET, AafSchedule.names(schedule.completDays()));
            normalized.put(JOURS_DELTA, AafSchedule.names(schedule.deltaDays()));
            normalized.put(HEURE_LIVRAISON, schedule.timeText());
        }
        String reason = nonThursdayReason(variables, schedule, errors);
        normalized.put(COMPLET_HORS_JEUDI_CONFIRME, reason != null ? Boolean.TRUE : null);
        normalized.put(RAISON_COMPLET_HORS_JEUDI, reason);
        LocalDate initialLoad = initialLoad(variables, atSetUp ? schedule : null, errors);
        normalized.put(CHARGEMENT_INITIAL, initialLoad != null);
        normalized.put(DATE_CHARGEMENT_INITIAL, initialLoad == null ? null : initialLoad.toString());
        if (schedule != null) {
            normalized.put(CALENDRIER_TEXTE, calendarText(schedule, initialLoad, reason));
        }

        boolean zip = bool(variables.apply(LIVRER_ZIP));
        String archiveName = text(variables.apply(NOM_ARCHIVE_ZIP));
        normalized.put(LIVRER_ZIP, zip);
        if (zip) {
            if (archiveName == null) {
                errors.add("Indiquez le nom de l'archive zip à fournir (par exemple ENT_{type}_{date}.zip).");
            } else if (!isValidArchiveName(archiveName)) {
                errors.add("Le nom d'archive « " + archiveName + " » n'est pas valide : un nom de fichier simple finissant"
                        + " par .zip (lettres sans accent, chiffres, « . », « _ », « - »), où {date} et {type} seront"
                        + " remplacés par la date d'extraction et le type (Complet ou Delta).");
            }
        }
        normalized.put(NOM_ARCHIVE_ZIP, zip ? archiveName : null);

        boolean bordereau = bool(variables.apply(JOINDRE_BORDEREAU));
        String recipient = text(variables.apply(CODE_DESTINATAIRE));
        normalized.put(JOINDRE_BORDEREAU, bordereau);
        if (bordereau) {
            if (recipient == null) {
                errors.add("Indiquez le code destinataire à écrire dans le bordereau.");
            } else if (!RECIPIENT_CODE.matcher(recipient).matches()) {
                errors.add("Le code destinataire « " + recipient + " » n'est pas valide : 50 caractères au plus, lettres"
                        + " sans accent, chiffres, espaces, « . », « _ » et « - ».");
            }
        }
        normalized.put(CODE_DESTINATAIRE, bordereau ? recipient : null);

        String host = text(variables.apply(HOTE_SFTP));
        if (host == null) {
            errors.add("Indiquez le serveur SFTP de l'exploitant (nom d'hôte ou adresse IP).");
        } else if (!isValidHost(host)) {
            errors.add("Le serveur SFTP « " + host + " » n'est pas un nom d'hôte ni une adresse IP valide.");
        }
        normalized.put(HOTE_SFTP, host);

        Integer port = port(variables.apply(PORT_SFTP));
        if (port == null) {
            errors.add("Le port SFTP doit être un nombre entier de 1 à 65535 (22 en général).");
        }
        normalized.put(PORT_SFTP, port);

        String user = text(variables.apply(UTILISATEUR_SFTP));
        if (user == null) {
            errors.add("Indiquez l'utilisateur SFTP fourni par l'exploitant.");
        } else if (!USER.matcher(user).matches()) {
            errors.add("L'utilisateur SFTP « " + user + " » n'est pas valide : lettres sans accent, chiffres, « . »,"
                    + " « _ » et « - », 64 caractères au plus.");
        }
        normalized.put(UTILISATEUR_SFTP, user);

        String remoteDir = text(variables.apply(REPERTOIRE_DISTANT));
        if (remoteDir == null) {
            errors.add("Indiquez le répertoire de dépôt sur le serveur SFTP (par exemple /depot/aaf, ou . pour le"
                    + " répertoire d'accueil).");
        } else if (!isValidRemoteDir(remoteDir)) {
            errors.add("Le répertoire distant « " + remoteDir + " » n'est pas valide : des noms faits de lettres sans"
                    + " accent, chiffres, « . », « _ » et « - », séparés par « / », sans « .. », 255 caractères au plus.");
        }
        normalized.put(REPERTOIRE_DISTANT, remoteDir);

        String fingerprint = text(variables.apply(EMPREINTE_HOTE_SFTP));
        if (fingerprint == null) {
            errors.add("Indiquez l'empreinte de la clé d'hôte du serveur SFTP, confirmée par l'exploitant.");
        } else if (!FINGERPRINT.matcher(fingerprint).matches()) {
            errors.add("L'empreinte de clé d'hôte « " + fingerprint + " » n'est pas au format attendu : SHA256: suivi"
                    + " de 43 caractères, comme l'affiche « ssh-keygen -lf » (par exemple"
                    + " SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8).");
        }
        normalized.put(EMPREINTE_HOTE_SFTP, fingerprint);

        if (!errors.isEmpty()) {
            return new Validation(List.copyOf(errors), null, normalized);
        }
        AafDeliverySettings settings = new AafDeliverySettings(prefix, schedule, zip, zip ? archiveName : null,
                bordereau, bordereau ? recipient : null, host, port, user, remoteDir, fingerprint);
        return new Validation(List.of(), settings, normalized);
    }

    /**
     * The reason for a Complet on another day than Thursday, checked: null for the usual Thursday. Annexe 2 §2 says
     * the complets come each Thursday; another day needs the DSI's confirmation and the reason agreed with the operator.
     */
    private static String nonThursdayReason(Function<String, Object> variables, AafSchedule schedule, List<String> errors) {
        if (schedule == null || schedule.completDays().equals(java.util.EnumSet.of(java.time.DayOfWeek.THURSDAY))) {
            return null;
        }
        String days = String.join(", ", AafSchedule.names(schedule.completDays()));
        String reason = text(variables.apply(RAISON_COMPLET_HORS_JEUDI));
        if (!bool(variables.apply(COMPLET_HORS_JEUDI_CONFIRME))) {
            errors.add("L'annexe 2 prévoit les complets chaque jeudi : pour un Complet le " + days + ", cochez « Je"
                    + " confirme un Complet un autre jour que le jeudi » et indiquez la raison convenue avec l'exploitant.");
        } else if (reason == null) {
            errors.add("Indiquez la raison d'un Complet le " + days + " plutôt que le jeudi.");
        } else if (reason.length() > MAX_REASON) {
            errors.add("La raison d'un Complet hors du jeudi est trop longue (" + MAX_REASON + " caractères au plus).");
        } else {
            return reason;
        }
        return null;
    }

    /**
     * The day of the optional initial load, checked: with a schedule (at set-up), still to come at the agreed time
     * and within the year.
     */
    private static LocalDate initialLoad(Function<String, Object> variables, AafSchedule schedule, List<String> errors) {
        if (!bool(variables.apply(CHARGEMENT_INITIAL))) {
            return null;
        }
        LocalDate day;
        try {
            day = SubmittedDates.optional(variables.apply(DATE_CHARGEMENT_INITIAL), "La date du chargement initial");
        } catch (InvalidSubmissionException e) {
            errors.addAll(e.errors());
            return null;
        }
        if (day == null) {
            errors.add("Indiquez la date du chargement initial (un Complet livré ce jour-là, avant le calendrier"
                    + " habituel), ou décochez « Prévoir un chargement initial ».");
            return null;
        }
        if (schedule == null) {
            return day;
        }
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(EngineClock.PARIS);
        if (!schedule.initialLoad(day).at().isAfter(now)) {
            errors.add("Le chargement initial du " + FrenchFormats.longDate(day) + " à " + schedule.timeText()
                    + " serait déjà passé : choisissez un jour à venir.");
            return null;
        }
        if (day.isAfter(now.toLocalDate().plusYears(1))) {
            errors.add("Le chargement initial du " + FrenchFormats.longDate(day) + " est à plus d'un an : vérifiez la"
                    + " date.");
            return null;
        }
        return day;
    }

    /** The schedule as Cockpit and the operator's mail show it, with the initial load and a non-Thursday reason. */
    static String calendarText(AafSchedule schedule, LocalDate initialLoad, String nonThursdayReason) {
        StringBuilder text = new StringBuilder(schedule.describe());
        if (nonThursdayReason != null) {
            text.append(" ; Complet hors du jeudi, confirmé par la DSI : ").append(nonThursdayReason);
        }
        if (initialLoad != null) {
            text.append(" ; chargement initial : Complet du ").append(FrenchFormats.longDate(initialLoad))
                    .append(" à ").append(schedule.timeText()).append(", avant le calendrier habituel");
        }
        return text.toString();
    }

    /** The initial load's day once accepted (null when none was agreed). */
    public static LocalDate initialLoad(Function<String, Object> variables) {
        String day = text(variables.apply(DATE_CHARGEMENT_INITIAL));
        return day == null ? null : LocalDate.parse(day);
    }

    static boolean isValidArchiveName(String name) {
        if (!ARCHIVE_NAME.matcher(name).matches()) {
            return false;
        }
        String rest = name.replace(DATE_PLACEHOLDER, "").replace(TYPE_PLACEHOLDER, "");
        return !rest.contains("{") && !rest.contains("}") && !name.startsWith(".") && !".zip".equals(rest);
    }

    static boolean isValidHost(String host) {
        if (host.contains(":")) {
            return IPV6.matcher(host).matches();
        }
        return HOST_NAME.matcher(host).matches();
    }

    static boolean isValidRemoteDir(String dir) {
        if (dir.length() > 255 || dir.contains("//")) {
            return false;
        }
        if ("/".equals(dir)) {
            return true;
        }
        String inner = dir.startsWith("/") ? dir.substring(1) : dir;
        if (inner.endsWith("/")) {
            inner = inner.substring(0, inner.length() - 1);
        }
        if (inner.isEmpty()) {
            return false;
        }
        for (String segment : inner.split("/", -1)) {
            if (!PATH_SEGMENT.matcher(segment).matches() || "..".equals(segment)) {
                return false;
            }
        }
        return true;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value != null && "true".equalsIgnoreCase(value.toString().strip());
    }

    private static Integer port(Object value) {
        long port;
        if (value instanceof Number number) {
            if (number.doubleValue() != Math.rint(number.doubleValue())) {
                return null;
            }
            port = number.longValue();
        } else {
            String text = text(value);
            if (text == null || !text.matches("\\d{1,5}")) {
                return null;
            }
            port = Long.parseLong(text);
        }
        return port >= 1 && port <= 65535 ? (int) port : null;
    }

    /** A list of strings from a Json variable, a JSON or comma-separated string, or a Java collection. */
    static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (value instanceof Collection<?> collection) {
            collection.forEach(v -> addText(result, v));
            return result;
        }
        if (value instanceof String text && !text.strip().startsWith("[")) {
            for (String part : text.split(",")) {
                addText(result, part);
            }
            return result;
        }
        JsonVariables.read(value).forEach(node -> addText(result, node.isTextual() ? node.asText() : node.toString()));
        return result;
    }

    private static void addText(List<String> list, Object value) {
        String text = text(value);
        if (text != null) {
            list.add(text);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
