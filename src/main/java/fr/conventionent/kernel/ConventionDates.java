package fr.conventionent.kernel;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * Toutes les règles de dates de la convention ENT (articles 4, 11 et 12). Les BPMN ne calculent
 * rien : ils appellent ce bean, par exemple
 * {@code <timeDate>${conventionDates.termEnd(dateSignature)}</timeDate>} ou
 * {@code ${conventionDates.nextAnniversary(dateSignature, now())}}.
 *
 * <h2>Conventions de cette classe</h2>
 * <ul>
 * <li><b>Fuseau</b> : Europe/Paris. Un {@link Date} reçu (ce que Camunda stocke pour une variable
 * Date) est ramené au jour calendaire qu'il désigne à Paris ; un {@link Date} rendu est
 * <b>00:00 Europe/Paris</b> du jour calculé (un timer échoit donc au tout début de ce jour).</li>
 * <li><b>Date d'effet</b> (méthodes {@code termEnd}, {@code nextAnniversary},
 * {@code denunciationEnd}, {@code resiliationDate}, {@code accessEnd}, {@code comite}) : le jour
 * à 00:00 duquel le changement s'applique. La convention (ou l'accès) vaut jusqu'à la veille
 * incluse. Ce sont les échéances des timers.</li>
 * <li><b>Dernier jour</b> (méthodes {@code lastDayOfInitialTerm}, {@code renewedUntil},
 * {@code lastDayToDenounce}, {@code lastDayOfAccess}) : jour inclus, pour les courriers
 * (« reconduite jusqu'au … inclus »). Tout ce qui s'affiche est un dernier jour ; une variable
 * porte le nom {@code dernierJour…} (inclus) ou {@code dateFin…Exclusive} (date d'effet).</li>
 * <li><b>Ancrage</b> : chaque anniversaire et chaque comité se calcule depuis la date de signature
 * d'origine (signature + n ans, signature + 6·n mois), jamais en chaînant depuis l'échéance
 * précédente. Un mois ou une année ajouté suit {@link LocalDate#plusMonths}/{@link LocalDate#plusYears} :
 * le jour est ramené au dernier jour du mois s'il n'existe pas (31 août + 6 mois = 28 ou 29 février).</li>
 * </ul>
 *
 * <h2>Règles</h2>
 * <ul>
 * <li><b>Durée initiale (art. 11)</b> : 4 ans à compter de la signature S. La période initiale est
 * [S, S + 4 ans[ : la convention est en vigueur jusqu'à la veille du 4<sup>e</sup> anniversaire
 * incluse, et {@link #termEnd(LocalDate)} = S + 4 ans est le jour où elle est reconduite pour la
 * première fois (ou prend fin si elle a été dénoncée).</li>
 * <li><b>Signature un 29 février</b> : les anniversaires des années non bissextiles tombent le
 * 28 février, ceux des années bissextiles le 29 février (S + n ans, non chaîné). Par exemple
 * S = 29/02/2024 : fin de période initiale 29/02/2028, puis reconductions les 28/02/2029, 28/02/2030,
 * 28/02/2031, 29/02/2032…</li>
 * <li><b>Tacite reconduction</b> : la n<sup>e</sup> période (n ≥ 4) est [S + n ans, S + (n+1) ans[ ;
 * {@link #renewedUntil(LocalDate, LocalDate)} rend son dernier jour inclus.</li>
 * <li><b>Dénonciation (art. 11)</b> : préavis de 3 mois calendaires ; notifiée le jour N, elle
 * prend effet le jour N + 3 mois (la convention vaut jusqu'à la veille incluse). Elle est possible à
 * tout moment, pendant la période initiale comme après une reconduction.</li>
 * <li><b>Dernier jour pour dénoncer</b> : le plus grand jour N tel que N + 3 mois ≤ A, A étant la
 * prochaine reconduction : une dénonciation notifiée ce jour-là (inclus) fait finir la convention au
 * plus tard le jour A, donc évite la reconduction. C'est A − 3 mois, sauf quand A est le dernier jour
 * d'un mois plus court (A = 30 juin donne 31 mars, A = 28 février donne 30 novembre). Si ce jour
 * est déjà passé, la réponse porte sur la reconduction suivante. Le rappel est ce jour − 1 mois
 * (il peut être déjà passé si l'on calcule tard : le timer part alors aussitôt).</li>
 * <li><b>Résiliation (art. 12)</b> : lettre recommandée (mise en demeure) envoyée le jour L, restée
 * sans effet : résiliation de plein droit le jour R = L + 3 mois. L'ENT reste accessible jusqu'à la
 * fin de l'année scolaire en cours au jour R : {@link #accessEnd(LocalDate)} = lendemain de la fin
 * de cette année scolaire. Si R tombe pendant les vacances d'été (après la fin de l'année scolaire,
 * avant le 1<sup>er</sup> septembre), aucune année scolaire n'est en cours : l'accès cesse le jour R
 * (on ne rouvre pas un accès pour l'année suivante).</li>
 * <li><b>Année scolaire</b> : l'année « 2026-2027 » couvre du 1<sup>er</sup> septembre 2026 au
 * dernier jour de l'année scolaire, inclus, configuré dans {@code convention.annees-scolaires}
 * ({@link SchoolYearProperties}). Règle par défaut d'une année non configurée : le calendrier
 * national fait commencer les vacances d'été un samedi (« départ après la classe ») ; on prend le
 * premier samedi de juillet strictement après le 1<sup>er</sup> juillet, c'est-à-dire le samedi
 * tombant entre le 2 et le 8 juillet (4/07/2020, 8/07/2023, 6/07/2024, 5/07/2025, 4/07/2026,
 * 3/07/2027 : conforme aux arrêtés). Les années dérogatoires (mardi 6/07/2021, jeudi 7/07/2022) se
 * configurent.</li>
 * <li><b>Comité de pilotage (art. 4)</b> : deux fois par an, échéances S + 6·n mois (n ≥ 1).</li>
 * </ul>
 */
@Component("conventionDates")
public class ConventionDates {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    public static final int INITIAL_TERM_YEARS = 4;
    public static final int DENUNCIATION_NOTICE_MONTHS = 3;
    public static final int DENUNCIATION_REMINDER_MONTHS = 1;
    public static final int FORMAL_NOTICE_MONTHS = 3;
    public static final int COMITE_INTERVAL_MONTHS = 6;

    private final SchoolYearProperties schoolYears;

    public ConventionDates(SchoolYearProperties schoolYears) {
        this.schoolYears = schoolYears == null ? SchoolYearProperties.none() : schoolYears;
    }

    // ---------------------------------------------------------------- durée et reconduction (art. 11)

    /** S + n ans, toujours depuis la signature d'origine. */
    public LocalDate anniversary(LocalDate signature, int years) {
        return required(signature, "signature").plusYears(years);
    }

    /** Fin de la période initiale = S + 4 ans : date d'effet de la première reconduction. */
    public LocalDate termEnd(LocalDate signature) {
        return anniversary(signature, INITIAL_TERM_YEARS);
    }

    /** Dernier jour inclus de la période initiale = S + 4 ans − 1 jour. */
    public LocalDate lastDayOfInitialTerm(LocalDate signature) {
        return termEnd(signature).minusDays(1);
    }

    /** Prochaine reconduction strictement après {@code today} ; la première est {@link #termEnd}. */
    public LocalDate nextAnniversary(LocalDate signature, LocalDate today) {
        required(signature, "signature");
        required(today, "today");
        int n = Math.max(INITIAL_TERM_YEARS, today.getYear() - signature.getYear());
        while (!anniversary(signature, n).isAfter(today)) {
            n++;
        }
        return anniversary(signature, n);
    }

    /**
     * Dernier jour inclus de la période reconduite qui contient {@code anniversary} (normalement le
     * jour même d'une reconduction) : « reconduite jusqu'au … inclus » = S + (n+1) ans − 1 jour.
     *
     * @throws IllegalArgumentException si {@code anniversary} précède la fin de la période initiale
     */
    public LocalDate renewedUntil(LocalDate signature, LocalDate anniversary) {
        required(anniversary, "anniversary");
        if (anniversary.isBefore(termEnd(signature))) {
            throw new IllegalArgumentException("Pas de reconduction avant la fin de la période initiale ("
                    + termEnd(signature) + ") : " + anniversary);
        }
        return nextAnniversary(signature, anniversary).minusDays(1);
    }

    // ---------------------------------------------------------------- dénonciation (art. 11)

    /** Date d'effet d'une dénonciation notifiée le jour {@code notification} = notification + 3 mois. */
    public LocalDate denunciationEnd(LocalDate notification) {
        return required(notification, "notification").plusMonths(DENUNCIATION_NOTICE_MONTHS);
    }

    /**
     * Dernier jour (inclus) pour notifier une dénonciation qui évite la reconduction du jour
     * {@code renewal} : le plus grand N tel que N + 3 mois ≤ renewal.
     */
    public LocalDate lastDayToDenounceBefore(LocalDate renewal) {
        LocalDate day = required(renewal, "renewal").minusMonths(DENUNCIATION_NOTICE_MONTHS);
        while (!denunciationEnd(day.plusDays(1)).isAfter(renewal)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * Dernier jour (inclus) où une partie peut encore dénoncer pour éviter la prochaine reconduction
     * encore évitable à la date {@code today} (jamais avant {@code today}).
     */
    public LocalDate lastDayToDenounce(LocalDate signature, LocalDate today) {
        LocalDate renewal = nextAnniversary(signature, today);
        LocalDate lastDay = lastDayToDenounceBefore(renewal);
        while (lastDay.isBefore(today)) {
            renewal = nextAnniversary(signature, renewal);
            lastDay = lastDayToDenounceBefore(renewal);
        }
        return lastDay;
    }

    /** Rappel avant le dernier jour pour dénoncer = ce jour − 1 mois. */
    public LocalDate denunciationReminder(LocalDate signature, LocalDate today) {
        return lastDayToDenounce(signature, today).minusMonths(DENUNCIATION_REMINDER_MONTHS);
    }

    // ---------------------------------------------------------------- résiliation (art. 12)

    /** Résiliation de plein droit = envoi de la mise en demeure + 3 mois (date d'effet). */
    public LocalDate resiliationDate(LocalDate formalNoticeSent) {
        return required(formalNoticeSent, "formalNoticeSent").plusMonths(FORMAL_NOTICE_MONTHS);
    }

    /** Année scolaire contenant {@code day} : à partir du 1er septembre, l'année qui commence. */
    public String schoolYearOf(LocalDate day) {
        required(day, "day");
        int startYear = day.getMonthValue() >= Month.SEPTEMBER.getValue() ? day.getYear() : day.getYear() - 1;
        return startYear + "-" + (startYear + 1);
    }

    /**
     * Dernier jour (inclus) de l'année scolaire {@code schoolYear} (« 2026-2027 ») : la valeur
     * configurée, sinon le samedi tombant entre le 2 et le 8 juillet de la seconde année.
     */
    public LocalDate schoolYearEnd(String schoolYear) {
        int endYear = SchoolYearProperties.endYearOf(schoolYear);
        LocalDate configured = schoolYears.anneesScolaires().get(schoolYear);
        if (configured != null) {
            return configured;
        }
        return LocalDate.of(endYear, Month.JULY, 1).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
    }

    /**
     * Premier jour sans accès à l'ENT après une résiliation prenant effet le jour
     * {@code resiliation} : le lendemain de la fin de l'année scolaire en cours, ou le jour de la
     * résiliation même s'il tombe pendant les vacances d'été.
     */
    public LocalDate accessEnd(LocalDate resiliation) {
        LocalDate afterSchoolYear = schoolYearEnd(schoolYearOf(resiliation)).plusDays(1);
        return afterSchoolYear.isAfter(resiliation) ? afterSchoolYear : resiliation;
    }

    /** Dernier jour (inclus) d'accès à l'ENT = {@link #accessEnd(LocalDate)} − 1 jour. */
    public LocalDate lastDayOfAccess(LocalDate resiliation) {
        return accessEnd(resiliation).minusDays(1);
    }

    // ---------------------------------------------------------------- comité de pilotage (art. 4)

    /** n-ième comité de pilotage (n ≥ 1) = S + 6·n mois. */
    public LocalDate comite(LocalDate signature, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Le premier comité de pilotage est le n° 1 : " + n);
        }
        return required(signature, "signature").plusMonths((long) COMITE_INTERVAL_MONTHS * n);
    }

    /** Prochaine échéance de comité de pilotage strictement après {@code today}. */
    public LocalDate nextComite(LocalDate signature, LocalDate today) {
        required(signature, "signature");
        required(today, "today");
        long elapsedMonths = ChronoUnit.MONTHS.between(signature, today);
        int n = (int) Math.max(1, elapsedMonths / COMITE_INTERVAL_MONTHS);
        while (!comite(signature, n).isAfter(today)) {
            n++;
        }
        return comite(signature, n);
    }

    // ---------------------------------------------------------------- java.util.Date, pour les BPMN
    // Mêmes règles ; un Date reçu vaut son jour à Paris, un Date rendu vaut 00:00 Europe/Paris.

    public Date termEnd(Date signature) {
        return toDate(termEnd(toLocalDate(signature)));
    }

    public Date lastDayOfInitialTerm(Date signature) {
        return toDate(lastDayOfInitialTerm(toLocalDate(signature)));
    }

    public Date nextAnniversary(Date signature, Date today) {
        return toDate(nextAnniversary(toLocalDate(signature), toLocalDate(today)));
    }

    public Date renewedUntil(Date signature, Date anniversary) {
        return toDate(renewedUntil(toLocalDate(signature), toLocalDate(anniversary)));
    }

    public Date denunciationEnd(Date notification) {
        return toDate(denunciationEnd(toLocalDate(notification)));
    }

    public Date lastDayToDenounce(Date signature, Date today) {
        return toDate(lastDayToDenounce(toLocalDate(signature), toLocalDate(today)));
    }

    public Date denunciationReminder(Date signature, Date today) {
        return toDate(denunciationReminder(toLocalDate(signature), toLocalDate(today)));
    }

    public Date resiliationDate(Date formalNoticeSent) {
        return toDate(resiliationDate(toLocalDate(formalNoticeSent)));
    }

    public Date accessEnd(Date resiliation) {
        return toDate(accessEnd(toLocalDate(resiliation)));
    }

    public Date lastDayOfAccess(Date resiliation) {
        return toDate(lastDayOfAccess(toLocalDate(resiliation)));
    }

    public Date comite(Date signature, int n) {
        return toDate(comite(toLocalDate(signature), n));
    }

    public Date nextComite(Date signature, Date today) {
        return toDate(nextComite(toLocalDate(signature), toLocalDate(today)));
    }

    /** ISO 8601 avec décalage, heure de Paris, pour un {@code timeDate} : "2029-09-15T00:00:00+02:00". */
    public String isoDate(Date date) {
        return Instant.ofEpochMilli(Objects.requireNonNull(date, "date").getTime()).atZone(ZONE)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** ISO 8601 de 00:00 Europe/Paris du jour {@code day}. */
    public String isoDate(LocalDate day) {
        return isoDate(toDate(day));
    }

    /** Jour calendaire à Paris d'un instant (accepte aussi java.sql.Date/Timestamp). */
    public static LocalDate toLocalDate(Date date) {
        return Instant.ofEpochMilli(Objects.requireNonNull(date, "date").getTime()).atZone(ZONE).toLocalDate();
    }

    /** 00:00 Europe/Paris du jour {@code day}. */
    public static Date toDate(LocalDate day) {
        return Date.from(Objects.requireNonNull(day, "day").atStartOfDay(ZONE).toInstant());
    }

    private static <T> T required(T value, String name) {
        return Objects.requireNonNull(value, name);
    }
}
