package fr.conventionent.incident;

import static fr.conventionent.incident.IncidentProcess.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import fr.conventionent.identity.Commune;
import fr.conventionent.identity.CommuneDirectory;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.Groups;
import fr.conventionent.kernel.InvalidSubmissionException;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.kernel.Uai;

/**
 * Server-side check of an incident report (the start form validates in the browser only, the
 * REST API not at all). Every problem is reported, in French, at once; nothing is stored from a
 * refused report. A commune's agents report for their own commune; the académie's services (and
 * administrators) for any commune of the académie.
 */
@Component
public class IncidentReportValidator {

    static final int MAX_DESCRIPTION = 4000;
    static final long MAX_PIECE_JOINTE_OCTETS = 10L * 1024 * 1024;
    /** A browser's clock may be a little ahead of the server's. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private static final DateTimeFormatter ISO_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendPattern("['T'][' ']HH:mm")
            .optionalStart().appendPattern(":ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendPattern("[XXX][XX]").optionalEnd()
            .toFormatter();
    private static final DateTimeFormatter FRENCH_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu[ 'à'] HH[:]['h']mm");

    private final CommuneDirectory communes;

    public IncidentReportValidator(CommuneDirectory communes) {
        this.communes = communes;
    }

    /**
     * @param raw        the submitted variables, files as {@link FileValue}
     * @param userId     who reports (null when the application itself starts the process)
     * @param userGroups the reporter's groups
     * @param now        the engine's current time
     */
    public IncidentReport check(Map<String, Object> raw, String userId, Collection<String> userGroups, Date now) {
        List<String> errors = new ArrayList<>();
        String type = text(raw.get(TYPE_INCIDENT));
        if (!IncidentLists.TYPES.containsKey(type)) {
            errors.add("Choisissez le type d'incident dans la liste.");
        }
        Date detection = detection(raw.get(DATE_DETECTION), now, errors);
        Commune commune = commune(raw.get(COMMUNE_INSEE), userId, userGroups, errors);
        List<String> ecoles = ecoles(raw.get(ECOLES_UAI), commune, errors);
        String description = text(raw.get(DESCRIPTION));
        if (description.isEmpty()) {
            errors.add("Décrivez l'incident : ce qui s'est passé, ce qui a été constaté, les premières mesures prises.");
        } else if (description.length() > MAX_DESCRIPTION) {
            errors.add("La description ne doit pas dépasser " + MAX_DESCRIPTION + " caractères.");
        }
        String competence = text(raw.get(COMPETENCE));
        if (competence.isEmpty()) {
            competence = ACADEMIE; // reports sent before the field existed, or by a client that does not know it
        } else if (!IncidentLists.COMPETENCES.containsKey(competence)) {
            errors.add("Le domaine de compétence « " + competence + " » est inconnu : choisissez le champ de"
                    + " l'académie, le champ partagé ou le champ de la commune (article 6 de la convention).");
        }
        for (String name : PIECES_JOINTES) {
            checkFile(raw.get(name), errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        return new IncidentReport(type, detection, commune, ecoles, yes(raw.get(DONNEES_PERSONNELLES)), description,
                competence);
    }

    /** A file input left empty in Tasklist arrives as a file without name nor content: no evidence. */
    public static boolean isEmptyUpload(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof FileValue file) {
            return (file.getFilename() == null || file.getFilename().isBlank()) && size(file) == 0;
        }
        return value instanceof String text && text.isBlank();
    }

    /** Groups that act for the académie: they may report for any commune and read every incident. */
    public static boolean isAcademieGroup(String group) {
        return Groups.ACADEMIE_ROLES.contains(group) || Groups.ADMIN.equals(group)
                || group.startsWith(Groups.ienCirco("")) || group.startsWith(Groups.ienTice(""))
                || group.startsWith(Groups.dasen(""));
    }

    static Date parseDetection(String text) {
        try {
            TemporalAccessor parsed = ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime offset ? Date.from(offset.toInstant())
                    : Date.from(((LocalDateTime) parsed).atZone(FrenchFormats.PARIS).toInstant());
        } catch (DateTimeParseException notIso) {
            return Date.from(LocalDateTime.parse(text, FRENCH_DATE_TIME).atZone(FrenchFormats.PARIS).toInstant());
        }
    }

    private static Date detection(Object value, Date now, List<String> errors) {
        Date detection;
        if (value instanceof Date date) {
            detection = date;
        } else {
            String text = text(value);
            if (text.isEmpty()) {
                errors.add("Indiquez la date et l'heure de détection de l'incident.");
                return null;
            }
            try {
                detection = parseDetection(text);
            } catch (DateTimeParseException e) {
                errors.add("La date de détection « " + text + " » n'est pas une date et une heure valides"
                        + " (par exemple 2026-03-02T09:15 ou 02/03/2026 09:15).");
                return null;
            }
        }
        if (detection.toInstant().isAfter(now.toInstant().plus(CLOCK_TOLERANCE))) {
            errors.add("La date de détection (" + BreachDeadlines.longDateTime(detection)
                    + ") ne peut pas être dans le futur.");
        }
        return detection;
    }

    private Commune commune(Object value, String userId, Collection<String> userGroups, List<String> errors) {
        String insee = text(value).toUpperCase();
        if (insee.isEmpty()) {
            errors.add("Indiquez le code INSEE de la commune concernée.");
            return null;
        }
        if (!FrenchFormats.isInsee(insee)) {
            errors.add("Le code INSEE « " + insee + " » n'est pas valide : 5 caractères, par exemple 78646 pour Versailles.");
            return null;
        }
        Commune commune = communes.find(insee).orElse(null);
        if (commune == null) {
            errors.add("La commune de code INSEE " + insee + " ne fait pas partie des communes de l'académie.");
            return null;
        }
        if (userId != null && !userGroups.contains(Groups.commune(insee))
                && userGroups.stream().noneMatch(IncidentReportValidator::isAcademieGroup)) {
            String own = userGroups.stream().filter(group -> group.startsWith(Groups.COMMUNE_PREFIX))
                    .map(group -> group.substring(Groups.COMMUNE_PREFIX.length())).collect(Collectors.joining(", "));
            errors.add("Vous ne pouvez pas signaler un incident pour la commune de " + commune.nom() + " (" + insee
                    + ") : un agent de mairie signale les incidents de sa propre commune"
                    + (own.isEmpty() ? "" : " (" + own + ")") + ", les services de l'académie ceux de toute commune.");
        }
        return commune;
    }

    /** The UAIs of the schools named; none for an incident about every school ("toutes", or nothing named). */
    private static List<String> ecoles(Object value, Commune commune, List<String> errors) {
        List<String> texts = uaiTexts(value, errors).stream().map(String::trim).filter(text -> !text.isEmpty())
                .toList();
        if (texts.stream().anyMatch(TOUTES_LES_ECOLES::equalsIgnoreCase)) {
            if (texts.size() > 1) {
                errors.add("Choisissez soit des écoles, soit « toutes » : pas les deux à la fois.");
            }
            return List.of();
        }
        Set<String> uais = new LinkedHashSet<>();
        for (String raw : texts) {
            String uai = Uai.normalize(raw);
            if (uai.isEmpty()) {
                continue;
            }
            if (!Uai.isWellFormed(uai)) {
                errors.add("L'UAI « " + uai + " » doit comporter 7 chiffres suivis d'une lettre (ex. 0781234A).");
            } else if (!Uai.isValid(uai)) {
                errors.add("La lettre de contrôle de l'UAI « " + uai + " » est fausse (attendu "
                        + Uai.withCheckLetter(uai.substring(0, 7)) + ").");
            } else if (commune != null && !uai.startsWith(Uai.prefixOf(commune.departement()))) {
                errors.add("L'UAI « " + uai + " » n'est pas une école du département de la commune (elle devrait"
                        + " commencer par " + Uai.prefixOf(commune.departement()) + ").");
            } else {
                uais.add(uai);
            }
        }
        return List.copyOf(uais);
    }

    /** "0781234A, 0785678B" from the form, or a JSON list from the REST API. */
    private static List<String> uaiTexts(Object value, List<String> errors) {
        if (value instanceof String text && !text.trim().startsWith("[")) {
            return List.of(text.split("[\\s,;]+"));
        }
        List<String> texts = new ArrayList<>();
        JsonNode node = JsonVariables.read(value);
        if (node.isArray()) {
            node.forEach(item -> texts.add(item.isObject() ? item.path("uai").asText() : item.asText()));
        } else if (!node.isNull() && !node.isMissingNode()) {
            errors.add("Les UAI des écoles concernées doivent être une liste (par exemple 0781234A, 0785678B).");
        }
        return texts;
    }

    private static void checkFile(Object value, List<String> errors) {
        if (isEmptyUpload(value)) {
            return;
        }
        if (!(value instanceof FileValue file)) {
            errors.add("Une pièce jointe doit être un fichier.");
            return;
        }
        if (size(file) > MAX_PIECE_JOINTE_OCTETS) {
            errors.add("La pièce jointe « " + file.getFilename() + " » dépasse 10 Mo : déposez une version réduite"
                    + " ou transmettez-la au RSSI par un autre moyen.");
        }
    }

    private static long size(FileValue file) {
        try (InputStream in = file.getValue()) {
            return in == null ? 0 : in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean yes(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        String text = text(value).toLowerCase();
        return text.equals("true") || text.equals("oui") || text.equals("on");
    }

    static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }
}
