package fr.conventionent.aaf.process;

import fr.conventionent.aaf.AafFileType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Calendrier des livraisons AAF d'une cible (Annexe 2 §2 : « Les complets seront fournis chaque jeudi ») :
 * un Complet les jours de Complet, un Delta les jours de Delta, à heure fixe, heure de Paris. Les jours possibles
 * sont les jours ouvrés, du lundi au vendredi ; un jour absent des deux listes n'a pas de livraison.
 *
 * <p>Rattrapage : la livraison suivante est la première échéance après celle qui vient d'être faite, même si elle
 * est déjà passée (livraison bloquée par une panne puis relancée) : les Delta manqués partent alors dans l'ordre,
 * aucun n'est perdu. Mais jamais avant le dernier Complet déjà échu, qui remplace tout ce qui le précède : on
 * reprend à ce Complet.
 *
 * <p>Java pur : pas de Spring ni de Camunda, testé par table.
 */
public record AafSchedule(Set<DayOfWeek> completDays, Set<DayOfWeek> deltaDays, LocalTime time) {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Jours ouvrés, dans l'ordre, sous leur nom français (valeurs des formulaires et des variables). */
    public static final Map<String, DayOfWeek> JOURS;
    static {
        Map<String, DayOfWeek> jours = new LinkedHashMap<>();
        jours.put("lundi", DayOfWeek.MONDAY);
        jours.put("mardi", DayOfWeek.TUESDAY);
        jours.put("mercredi", DayOfWeek.WEDNESDAY);
        jours.put("jeudi", DayOfWeek.THURSDAY);
        jours.put("vendredi", DayOfWeek.FRIDAY);
        JOURS = Collections.unmodifiableMap(jours);
    }

    private static final Set<DayOfWeek> WORKING_DAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** Une livraison prévue : son heure (Paris) et le type d'extraction attendu ce jour-là. */
    public record Run(ZonedDateTime at, AafFileType type) {
        public LocalDate date() {
            return at.toLocalDate();
        }

        public Date asDate() {
            return Date.from(at.toInstant());
        }
    }

    public AafSchedule {
        Objects.requireNonNull(time, "time");
        completDays = completDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(completDays);
        deltaDays = deltaDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(deltaDays);
        if (completDays.isEmpty()) {
            throw new IllegalArgumentException("au moins un jour de Complet");
        }
        if (!WORKING_DAYS.containsAll(completDays) || !WORKING_DAYS.containsAll(deltaDays)) {
            throw new IllegalArgumentException("les livraisons n'ont lieu que du lundi au vendredi");
        }
        Set<DayOfWeek> both = EnumSet.copyOf(completDays);
        both.retainAll(deltaDays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("un jour ne peut être à la fois jour de Complet et de Delta");
        }
    }

    /** Complet le jeudi, Delta les autres jours ouvrés, à 6 h. */
    public static AafSchedule standard() {
        return new AafSchedule(EnumSet.of(DayOfWeek.THURSDAY),
                EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                LocalTime.of(6, 0));
    }

    /**
     * Depuis les valeurs du formulaire ({@code jeudi}, {@code 06:00}).
     *
     * @throws IllegalArgumentException jour ou heure illisible, ou calendrier incohérent
     */
    public static AafSchedule of(Collection<String> completDays, Collection<String> deltaDays, String time) {
        return new AafSchedule(days(completDays), days(deltaDays), parseTime(time));
    }

    public static Set<DayOfWeek> days(Collection<String> names) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String name : names) {
            DayOfWeek day = JOURS.get(name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT));
            if (day == null) {
                throw new IllegalArgumentException("jour inconnu : « " + name + " » (lundi à vendredi)");
            }
            days.add(day);
        }
        return days;
    }

    public static LocalTime parseTime(String text) {
        if (text == null || !text.strip().matches("([01]\\d|2[0-3]):[0-5]\\d")) {
            throw new IllegalArgumentException("heure « " + text + " » illisible (attendu HH:MM, par exemple 06:00)");
        }
        try {
            return LocalTime.parse(text.strip(), TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("heure « " + text + " » illisible", e);
        }
    }

    /** Noms français des jours, dans l'ordre de la semaine. */
    public static List<String> names(Set<DayOfWeek> days) {
        List<String> names = new ArrayList<>();
        JOURS.forEach((name, day) -> {
            if (days.contains(day)) {
                names.add(name);
            }
        });
        return names;
    }

    public String timeText() {
        return TIME.format(time);
    }

    /** Type de livraison de ce jour, ou rien si ce jour n'en a pas. */
    public Optional<AafFileType> typeOn(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (completDays.contains(day)) {
            return Optional.of(AafFileType.COMPLET);
        }
        if (deltaDays.contains(day)) {
            return Optional.of(AafFileType.DELTA);
        }
        return Optional.empty();
    }

    /** La livraison prévue ce jour-là, s'il y en a une. */
    public Optional<Run> runOn(LocalDate date) {
        return typeOn(date).map(type -> new Run(ZonedDateTime.of(date, time, PARIS), type));
    }

    /** Première livraison strictement après cet instant. */
    public Run firstRunAfter(ZonedDateTime instant) {
        LocalDate day = instant.withZoneSameInstant(PARIS).toLocalDate();
        for (int i = 0; i <= 8; i++, day = day.plusDays(1)) {
            Optional<Run> run = runOn(day);
            if (run.isPresent() && run.get().at().isAfter(instant)) {
                return run.get();
            }
        }
        throw new IllegalStateException("aucune livraison dans la semaine"); // impossible : un jour de Complet au moins
    }

    /** Dernier Complet échu (à cet instant ou avant), s'il y en a un dans les huit derniers jours. */
    public Optional<Run> lastCompletAtOrBefore(ZonedDateTime instant) {
        LocalDate day = instant.withZoneSameInstant(PARIS).toLocalDate();
        for (int i = 0; i <= 8; i++, day = day.minusDays(1)) {
            Optional<Run> run = runOn(day).filter(r -> r.type() == AafFileType.COMPLET);
            if (run.isPresent() && !run.get().at().isAfter(instant)) {
                return run;
            }
        }
        return Optional.empty();
    }

    /** Le chargement initial : un Complet ce jour-là, à l'heure convenue. */
    public Run initialLoad(LocalDate day) {
        return new Run(ZonedDateTime.of(day, time, PARIS), AafFileType.COMPLET);
    }

    /**
     * Livraison suivante, avec un chargement initial éventuel : tant qu'il n'a pas eu lieu, c'est lui, et le
     * calendrier habituel ne reprend qu'après (pas de Delta avant le premier Complet).
     *
     * @param initialLoad jour du chargement initial, ou {@code null}
     */
    public Run nextRun(ZonedDateTime lastScheduled, ZonedDateTime now, LocalDate initialLoad) {
        if (initialLoad != null) {
            Run load = initialLoad(initialLoad);
            if (lastScheduled == null || lastScheduled.isBefore(load.at())) {
                return load;
            }
        }
        return nextRun(lastScheduled, now);
    }

    /**
     * Livraison suivante.
     *
     * @param lastScheduled échéance de la dernière livraison faite, ou {@code null} s'il n'y en a pas encore eu
     * @param now           maintenant
     */
    public Run nextRun(ZonedDateTime lastScheduled, ZonedDateTime now) {
        if (lastScheduled == null) {
            return firstRunAfter(now);
        }
        Run candidate = firstRunAfter(lastScheduled);
        Optional<Run> complet = lastCompletAtOrBefore(now);
        if (complet.isPresent() && candidate.at().isBefore(complet.get().at())) {
            return complet.get();
        }
        return candidate;
    }

    /** « Complet le jeudi, Delta les lundi, mardi, mercredi et vendredi, à 06:00 (heure de Paris) ». */
    public String describe() {
        StringBuilder text = new StringBuilder("Complet le ").append(join(names(completDays)));
        if (!deltaDays.isEmpty()) {
            text.append(", Delta le ").append(join(names(deltaDays)));
        }
        return text.append(", à ").append(timeText()).append(" (heure de Paris)").toString();
    }

    private static String join(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " et " + names.get(names.size() - 1);
    }
}
