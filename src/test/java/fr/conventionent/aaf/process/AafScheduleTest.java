package fr.conventionent.aaf.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.conventionent.aaf.AafFileType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Semaine du lundi 2 mars 2026 ; passage à l'heure d'été le dimanche 29 mars 2026. */
class AafScheduleTest {

    private static final AafSchedule STANDARD = AafSchedule.standard();

    private static ZonedDateTime paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(AafSchedule.PARIS);
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({
            // maintenant,        prochaine livraison, type
            "2026-03-02T05:59:59, 2026-03-02T06:00,   Delta",    // lundi avant l'heure : le jour même
            "2026-03-02T06:00,    2026-03-03T06:00,   Delta",    // à l'heure pile : déjà due, donc le lendemain
            "2026-03-02T14:30,    2026-03-03T06:00,   Delta",    // lundi après-midi → mardi
            "2026-03-04T07:00,    2026-03-05T06:00,   Complet",  // mercredi → jeudi : Complet
            "2026-03-05T06:00:01, 2026-03-06T06:00,   Delta",    // jeudi après le Complet → vendredi
            "2026-03-06T10:00,    2026-03-09T06:00,   Delta",    // vendredi → lundi (pas de week-end)
            "2026-03-07T05:00,    2026-03-09T06:00,   Delta",    // samedi → lundi
            "2026-03-08T23:59,    2026-03-09T06:00,   Delta",    // dimanche soir → lundi
            "2026-03-28T12:00,    2026-03-30T06:00,   Delta",    // week-end du passage à l'heure d'été
            "2026-10-24T12:00,    2026-10-26T06:00,   Delta",    // week-end du retour à l'heure d'hiver
    })
    void firstRunAfterIsTheNextWorkingDayAtSixThursdayBeingComplet(String now, String expected, String type) {
        AafSchedule.Run run = STANDARD.firstRunAfter(paris(now));

        assertThat(run.at()).isEqualTo(paris(expected));
        assertThat(run.type()).isEqualTo(AafFileType.fromLabel(type).orElseThrow());
    }

    @Test
    void theHourIsParisTimeInSummerAndWinter() {
        assertThat(STANDARD.firstRunAfter(paris("2026-01-05T00:00")).asDate().toInstant())
                .hasToString("2026-01-05T05:00:00Z");
        assertThat(STANDARD.firstRunAfter(paris("2026-07-06T00:00")).asDate().toInstant())
                .hasToString("2026-07-06T04:00:00Z");
    }

    @ParameterizedTest(name = "dernière {0}, maintenant {1} → {2}")
    @CsvSource({
            // dernière livraison faite, maintenant,        suivante
            "2026-03-03T06:00,          2026-03-03T06:00:05, 2026-03-04T06:00", // cas courant : le lendemain
            "2026-03-03T06:00,          2026-03-04T10:00,    2026-03-04T06:00", // bloquée un jour : rattrape mercredi
            "2026-03-02T06:00,          2026-03-04T10:00,    2026-03-03T06:00", // deux Delta en retard : dans l'ordre
            "2026-03-03T06:00,          2026-03-05T10:00,    2026-03-05T06:00", // jeudi échu : on reprend au Complet
            "2026-03-03T06:00,          2026-03-06T10:00,    2026-03-05T06:00", // vendredi : Complet de jeudi d'abord
            "2026-02-10T06:00,          2026-03-04T10:00,    2026-02-26T06:00", // des semaines : dernier Complet échu
            "2026-03-06T06:00,          2026-03-06T06:00:05, 2026-03-09T06:00", // vendredi → lundi
    })
    void nextRunCatchesUpMissedDeliveriesButNeverBeforeTheLastComplet(String last, String now, String expected) {
        assertThat(STANDARD.nextRun(paris(last), paris(now)).at()).isEqualTo(paris(expected));
    }

    @ParameterizedTest(name = "chargement initial {0}, dernière {1}, maintenant {2} → {3} {4}")
    @CsvSource({
            // chargement initial, dernière livraison faite, maintenant,    suivante,         type
            "2026-03-11,          ,                          2026-03-02T10:00, 2026-03-11T06:00, Complet", // rien avant lui
            "2026-03-07,          ,                          2026-03-02T10:00, 2026-03-07T06:00, Complet", // un samedi aussi
            "2026-03-11,          2026-03-11T06:00,          2026-03-11T06:00:05, 2026-03-12T06:00, Complet", // puis le calendrier
            "2026-03-11,          2026-03-11T06:00,          2026-03-13T10:00, 2026-03-12T06:00, Complet",
            "2026-03-04,          2026-03-20T06:00,          2026-03-20T06:00:05, 2026-03-23T06:00, Delta", // déjà fait
    })
    void anInitialLoadComesFirstThenTheUsualSchedule(String initial, String last, String now, String expected,
                                                     String type) {
        AafSchedule.Run next = STANDARD.nextRun(last == null ? null : paris(last), paris(now), LocalDate.parse(initial));
        assertThat(next.at()).isEqualTo(paris(expected));
        assertThat(next.type().label()).isEqualTo(type);
    }

    @Test
    void withoutPreviousDeliveryTheNextRunIsTheFirstAfterNow() {
        assertThat(STANDARD.nextRun(null, paris("2026-03-04T10:00")).at()).isEqualTo(paris("2026-03-05T06:00"));
    }

    @ParameterizedTest(name = "Complet {0}, Delta {1}, {2} : après {3} → {4} {5}")
    @CsvSource(delimiter = ';', value = {
            "lundi;                 mardi,jeudi;      22:30; 2026-03-02T22:30; 2026-03-03T22:30; Delta",
            "lundi;                 mardi,jeudi;      22:30; 2026-03-03T23:00; 2026-03-05T22:30; Delta",
            "jeudi;                 '';               06:00; 2026-03-05T07:00; 2026-03-12T06:00; Complet",
            "mardi,vendredi;        lundi;            00:00; 2026-03-03T00:00; 2026-03-06T00:00; Complet",
    })
    void configuredDaysAndTime(String complet, String delta, String time, String now, String expected, String type) {
        AafSchedule schedule = AafSchedule.of(list(complet), list(delta), time);

        AafSchedule.Run run = schedule.firstRunAfter(paris(now));

        assertThat(run.at()).isEqualTo(paris(expected));
        assertThat(run.type()).isEqualTo(AafFileType.fromLabel(type).orElseThrow());
    }

    @Test
    void aDayInNeitherListHasNoDelivery() {
        AafSchedule schedule = AafSchedule.of(List.of("jeudi"), List.of("lundi"), "06:00");

        assertThat(schedule.typeOn(paris("2026-03-03T00:00").toLocalDate())).isEmpty();
        assertThat(schedule.typeOn(paris("2026-03-07T00:00").toLocalDate())).isEmpty();
        assertThat(schedule.typeOn(paris("2026-03-05T00:00").toLocalDate())).contains(AafFileType.COMPLET);
    }

    @ParameterizedTest(name = "{0} / {1} / {2} refusé")
    @CsvSource(delimiter = ';', value = {
            "'';          lundi;        06:00; au moins un jour de Complet",
            "jeudi;       jeudi,lundi;  06:00; à la fois",
            "samedi;      lundi;        06:00; jour inconnu",
            "jeudi;       dimanche;     06:00; jour inconnu",
            "jeudi;       lundi;        6h;    illisible",
            "jeudi;       lundi;        24:00; illisible",
            "jeudi;       lundi;        06:60; illisible",
    })
    void incoherentSchedulesAreRefused(String complet, String delta, String time, String message) {
        assertThatThrownBy(() -> AafSchedule.of(list(complet), list(delta), time))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void describesItselfInFrench() {
        assertThat(STANDARD.describe())
                .isEqualTo("Complet le jeudi, Delta le lundi, mardi, mercredi et vendredi, à 06:00 (heure de Paris)");
        assertThat(new AafSchedule(EnumSet.of(DayOfWeek.THURSDAY), EnumSet.noneOf(DayOfWeek.class),
                LocalTime.of(7, 15)).describe()).isEqualTo("Complet le jeudi, à 07:15 (heure de Paris)");
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isBlank() ? List.of() : List.of(csv.strip().split("\\s*,\\s*"));
    }
}
