package fr.conventionent.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.camunda.bpm.impl.juel.jakarta.el.ExpressionFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ByteArrayResource;

/**
 * Every expected date below was worked out by hand from the convention's articles 4, 11 and 12
 * and a calendar (days of the week checked with {@code date -d}), never by calling the code.
 */
class ConventionDatesTest {

    /**
     * 2021-2022 and 2020-2021 are real exceptions to the default rule (Thursday 7 and Tuesday 6 July);
     * 2026-2027 is the published date (equal to the default rule); 2028-2029 is a made-up value that
     * differs from the default (Saturday 7 July 2029) to prove configuration wins.
     */
    private final ConventionDates dates = new ConventionDates(new SchoolYearProperties(Map.of(
            "2020-2021", LocalDate.parse("2021-07-06"),
            "2021-2022", LocalDate.parse("2022-07-07"),
            "2026-2027", LocalDate.parse("2027-07-03"),
            "2028-2029", LocalDate.parse("2029-06-30"))));

    private final ConventionDates defaultsOnly = new ConventionDates(SchoolYearProperties.none());

    @Nested
    class InitialTerm {

        @ParameterizedTest(name = "signed {0}: renewed or ended on {1}, in force until {2} inclusive")
        @CsvSource({
                "2025-09-15, 2029-09-15, 2029-09-14",
                "2027-01-01, 2031-01-01, 2030-12-31",
                "2025-08-31, 2029-08-31, 2029-08-30",
                "2025-03-01, 2029-03-01, 2029-02-28",
                "2024-03-01, 2028-03-01, 2028-02-29",
                "2024-02-29, 2028-02-29, 2028-02-28",
                "2028-02-29, 2032-02-29, 2032-02-28",
        })
        void initialTermLastsFourYearsFromSignature(LocalDate signature, LocalDate termEnd, LocalDate lastDay) {
            assertThat(dates.termEnd(signature)).isEqualTo(termEnd);
            assertThat(dates.lastDayOfInitialTerm(signature)).isEqualTo(lastDay);
        }

        @ParameterizedTest(name = "signed 29/02/2024, anniversary {0} = {1}")
        @CsvSource({
                "1, 2025-02-28",
                "2, 2026-02-28",
                "3, 2027-02-28",
                "4, 2028-02-29",
                "5, 2029-02-28",
                "6, 2030-02-28",
                "7, 2031-02-28",
                "8, 2032-02-29",
                "9, 2033-02-28",
                "10, 2034-02-28",
                "11, 2035-02-28",
                "12, 2036-02-29",
        })
        void leapDaySignatureComesBackToLeapDayInLeapYears(int years, LocalDate expected) {
            assertThat(dates.anniversary(LocalDate.parse("2024-02-29"), years)).isEqualTo(expected);
        }
    }

    @Nested
    class TacitRenewal {

        @ParameterizedTest(name = "signed {0}, today {1}: next renewal {2}")
        @CsvSource({
                "2025-09-15, 2025-01-01, 2029-09-15",
                "2025-09-15, 2025-09-15, 2029-09-15",
                "2025-09-15, 2029-09-14, 2029-09-15",
                "2025-09-15, 2029-09-15, 2030-09-15",
                "2025-09-15, 2033-01-10, 2033-09-15",
                "2025-09-15, 2033-09-16, 2034-09-15",
                "2024-02-29, 2024-03-01, 2028-02-29",
                "2024-02-29, 2028-02-28, 2028-02-29",
                "2024-02-29, 2028-02-29, 2029-02-28",
                "2024-02-29, 2029-02-27, 2029-02-28",
                "2024-02-29, 2029-02-28, 2030-02-28",
                "2024-02-29, 2031-03-01, 2032-02-29",
                "2024-02-29, 2032-02-28, 2032-02-29",
                "2024-02-29, 2032-02-29, 2033-02-28",
                "2024-02-29, 2035-12-31, 2036-02-29",
                "2024-02-29, 2036-02-29, 2037-02-28",
        })
        void nextAnniversaryIsStrictlyAfterTodayAndNeverBeforeTermEnd(
                LocalDate signature, LocalDate today, LocalDate expected) {
            assertThat(dates.nextAnniversary(signature, today)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "signed {0}, renewed on {1}: until {2} inclusive")
        @CsvSource({
                "2025-09-15, 2029-09-15, 2030-09-14",
                "2025-09-15, 2030-09-15, 2031-09-14",
                "2025-09-15, 2031-01-20, 2031-09-14",
                "2024-02-29, 2028-02-29, 2029-02-27",
                "2024-02-29, 2029-02-28, 2030-02-27",
                "2024-02-29, 2031-02-28, 2032-02-28",
                "2024-02-29, 2032-02-29, 2033-02-27",
        })
        void renewalLastsOneYearUpToTheDayBeforeTheNextAnniversary(
                LocalDate signature, LocalDate renewal, LocalDate expected) {
            assertThat(dates.renewedUntil(signature, renewal)).isEqualTo(expected);
        }

        @Test
        void noRenewalDuringTheInitialTerm() {
            assertThatThrownBy(() -> dates.renewedUntil(LocalDate.parse("2025-09-15"), LocalDate.parse("2029-09-14")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2029-09-15");
        }
    }

    @Nested
    class Denonciation {

        @ParameterizedTest(name = "signed {0}, notified {1} ({3}): ends on {2}")
        @CsvSource({
                "2025-09-15, 2026-03-15, 2026-06-15, initial term",
                "2025-09-15, 2026-11-30, 2027-02-28, initial term / end of February",
                "2025-09-15, 2027-11-30, 2028-02-29, initial term / leap February",
                "2025-09-15, 2026-08-31, 2026-11-30, initial term / 31 August",
                "2025-09-15, 2026-05-31, 2026-08-31, initial term / 31 May",
                "2025-09-15, 2026-12-31, 2027-03-31, initial term / over new year",
                "2025-09-15, 2029-07-01, 2029-10-01, initial term / ends after the first renewal date",
                "2025-09-15, 2030-08-31, 2030-11-30, after a renewal",
                "2024-02-29, 2032-02-29, 2032-05-29, after renewals / 29 February",
        })
        void denonciationTakesEffectThreeCalendarMonthsAfterNotification(
                LocalDate signature, LocalDate notification, LocalDate expected, String when) {
            assertThat(dates.denunciationEnd(notification)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "renewal {0}: last day to denounce {1}")
        @CsvSource({
                "2029-09-15, 2029-06-15",
                "2029-06-30, 2029-03-31",
                "2029-05-31, 2029-02-28",
                "2029-02-28, 2028-11-30",
                "2028-02-29, 2027-11-30",
                "2029-11-30, 2029-08-31",
                "2029-12-31, 2029-09-30",
                "2029-03-31, 2028-12-31",
        })
        void lastDayToDenounceIsTheLatestNotificationEndingOnOrBeforeTheRenewal(
                LocalDate renewal, LocalDate expected) {
            assertThat(dates.lastDayToDenounceBefore(renewal)).isEqualTo(expected);
            assertThat(expected.plusMonths(3)).isBeforeOrEqualTo(renewal);
            assertThat(expected.plusDays(1).plusMonths(3)).isAfter(renewal);
        }

        @ParameterizedTest(name = "signed {0}, today {1}: denounce by {2}, reminder {3}")
        @CsvSource({
                "2025-09-15, 2025-09-15, 2029-06-15, 2029-05-15",
                "2025-09-15, 2029-06-15, 2029-06-15, 2029-05-15",
                "2025-09-15, 2029-06-16, 2030-06-15, 2030-05-15",
                "2025-09-15, 2029-09-15, 2030-06-15, 2030-05-15",
                "2024-02-29, 2024-02-29, 2027-11-30, 2027-10-30",
                "2024-02-29, 2028-02-29, 2028-11-30, 2028-10-30",
                "2024-02-29, 2031-03-01, 2031-11-30, 2031-10-30",
                "2025-03-31, 2025-03-31, 2028-12-31, 2028-11-30",
                "2026-06-30, 2026-06-30, 2030-03-31, 2030-02-28",
                "2025-08-31, 2025-08-31, 2029-05-31, 2029-04-30",
        })
        void lastDayToDenounceAndReminder(LocalDate signature, LocalDate today, LocalDate lastDay, LocalDate reminder) {
            assertThat(dates.lastDayToDenounce(signature, today)).isEqualTo(lastDay);
            assertThat(dates.denunciationReminder(signature, today)).isEqualTo(reminder);
        }
    }

    @Nested
    class Resiliation {

        @ParameterizedTest(name = "formal notice sent {0}: résiliée on {1}")
        @CsvSource({
                "2027-01-10, 2027-04-10",
                "2027-03-31, 2027-06-30",
                "2026-11-30, 2027-02-28",
                "2027-05-31, 2027-08-31",
        })
        void resiliationTakesEffectThreeMonthsAfterTheRegisteredLetter(LocalDate sent, LocalDate expected) {
            assertThat(dates.resiliationDate(sent)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "résiliée {0} (school year {1}): access until {2} inclusive, ends {3}")
        @CsvSource({
                "2027-04-10, 2026-2027, 2027-07-03, 2027-07-04",
                "2026-12-31, 2026-2027, 2027-07-03, 2027-07-04",
                "2027-07-03, 2026-2027, 2027-07-03, 2027-07-04",
                "2027-07-04, 2026-2027, 2027-07-03, 2027-07-04",
                "2027-08-31, 2026-2027, 2027-08-30, 2027-08-31",
                "2027-09-01, 2027-2028, 2028-07-08, 2028-07-09",
                "2027-10-01, 2027-2028, 2028-07-08, 2028-07-09",
                "2022-02-15, 2021-2022, 2022-07-07, 2022-07-08",
                "2021-06-01, 2020-2021, 2021-07-06, 2021-07-07",
                "2029-03-01, 2028-2029, 2029-06-30, 2029-07-01",
                "2030-06-01, 2029-2030, 2030-07-06, 2030-07-07",
        })
        void entStaysAccessibleUntilTheEndOfTheSchoolYearInProgress(
                LocalDate resiliation, String schoolYear, LocalDate lastDayOfAccess, LocalDate accessEnd) {
            assertThat(dates.schoolYearOf(resiliation)).isEqualTo(schoolYear);
            assertThat(dates.lastDayOfAccess(resiliation)).isEqualTo(lastDayOfAccess);
            assertThat(dates.accessEnd(resiliation)).isEqualTo(accessEnd);
        }

        @ParameterizedTest(name = "letter {0}: résiliée {1}, access ends {2}")
        @CsvSource({
                "2027-01-10, 2027-04-10, 2027-07-04",
                "2027-05-31, 2027-08-31, 2027-08-31",
                "2027-06-15, 2027-09-15, 2028-07-09",
        })
        void fromRegisteredLetterToEndOfAccess(LocalDate letter, LocalDate resiliation, LocalDate accessEnd) {
            assertThat(dates.resiliationDate(letter)).isEqualTo(resiliation);
            assertThat(dates.accessEnd(dates.resiliationDate(letter))).isEqualTo(accessEnd);
        }

        @ParameterizedTest(name = "{0}: default end {1}")
        @CsvSource({
                "2019-2020, 2020-07-04",
                "2022-2023, 2023-07-08",
                "2023-2024, 2024-07-06",
                "2024-2025, 2025-07-05",
                "2025-2026, 2026-07-04",
                "2026-2027, 2027-07-03",
                "2027-2028, 2028-07-08",
                "2028-2029, 2029-07-07",
                "2020-2021, 2021-07-03",
        })
        void defaultSchoolYearEndIsTheSaturdayBetweenTwoAndEightJuly(String schoolYear, LocalDate expected) {
            assertThat(defaultsOnly.schoolYearEnd(schoolYear)).isEqualTo(expected);
        }

        @Test
        void configuredSchoolYearEndWinsOverTheDefaultRule() {
            assertThat(dates.schoolYearEnd("2028-2029")).isEqualTo(LocalDate.parse("2029-06-30"));
            assertThat(dates.schoolYearEnd("2020-2021")).isEqualTo(LocalDate.parse("2021-07-06"));
            assertThat(dates.schoolYearEnd("2029-2030")).isEqualTo(LocalDate.parse("2030-07-06"));
        }

        @Test
        void malformedSchoolYearsAreRefused() {
            assertThatThrownBy(() -> dates.schoolYearEnd("2026-2028")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> dates.schoolYearEnd("2026/2027")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new SchoolYearProperties(Map.of("2026-2027", LocalDate.parse("2026-07-04"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2027");
        }
    }

    @Nested
    class ComiteDePilotage {

        @ParameterizedTest(name = "signed {0}: comité {1} due {2}")
        @CsvSource({
                "2025-08-31, 1, 2026-02-28",
                "2025-08-31, 2, 2026-08-31",
                "2025-08-31, 3, 2027-02-28",
                "2025-08-31, 4, 2027-08-31",
                "2025-08-31, 5, 2028-02-29",
                "2025-08-31, 6, 2028-08-31",
                "2025-08-31, 8, 2029-08-31",
                "2025-09-15, 1, 2026-03-15",
                "2025-09-15, 2, 2026-09-15",
                "2024-02-29, 1, 2024-08-29",
                "2024-02-29, 2, 2025-02-28",
                "2024-02-29, 8, 2028-02-29",
        })
        void comitesEverySixMonthsFromTheOriginalSignature(LocalDate signature, int n, LocalDate expected) {
            assertThat(dates.comite(signature, n)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "signed {0}, today {1}: next comité {2}")
        @CsvSource({
                "2025-08-31, 2025-01-01, 2026-02-28",
                "2025-08-31, 2025-08-31, 2026-02-28",
                "2025-08-31, 2026-02-27, 2026-02-28",
                "2025-08-31, 2026-02-28, 2026-08-31",
                "2025-08-31, 2027-09-01, 2028-02-29",
                "2025-08-31, 2028-02-29, 2028-08-31",
                "2024-02-29, 2024-08-29, 2025-02-28",
                "2024-02-29, 2027-12-01, 2028-02-29",
        })
        void nextComiteIsStrictlyAfterToday(LocalDate signature, LocalDate today, LocalDate expected) {
            assertThat(dates.nextComite(signature, today)).isEqualTo(expected);
        }

        @Test
        void comitesAreNumberedFromOne() {
            assertThatThrownBy(() -> dates.comite(LocalDate.parse("2025-09-15"), 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class JavaUtilDateForTimers {

        private Date paris(String localDateTime) {
            return Date.from(ZonedDateTime.parse(localDateTime + "+01:00[Europe/Paris]").toInstant());
        }

        @Test
        void dateVariantsReturnMidnightParisOfTheDueDay() {
            // signed 15/09/2025 at 10:30 in Paris (summer time, UTC+2)
            Date signature = Date.from(Instant.parse("2025-09-15T08:30:00Z"));

            assertThat(dates.termEnd(signature)).isEqualTo(Date.from(Instant.parse("2029-09-14T22:00:00Z")));
            assertThat(dates.nextAnniversary(signature, Date.from(Instant.parse("2030-01-01T12:00:00Z"))))
                    .isEqualTo(Date.from(Instant.parse("2030-09-14T22:00:00Z")));
            assertThat(dates.lastDayToDenounce(signature, signature))
                    .isEqualTo(Date.from(Instant.parse("2029-06-14T22:00:00Z")));
            assertThat(dates.comite(signature, 1)).isEqualTo(Date.from(Instant.parse("2026-03-14T23:00:00Z")));
        }

        @Test
        void aDateIsReadAsItsDayInParisNotInUtc() {
            // 23:30 UTC on 14/09/2025 is already 15/09/2025 at 01:30 in Paris
            Date signature = Date.from(Instant.parse("2025-09-14T23:30:00Z"));
            assertThat(ConventionDates.toLocalDate(signature)).isEqualTo(LocalDate.parse("2025-09-15"));
            assertThat(dates.isoDate(dates.termEnd(signature))).isEqualTo("2029-09-15T00:00:00+02:00");
        }

        @Test
        void sqlDatesFromTheDatabaseAreAccepted() {
            Date fromDatabase = new java.sql.Timestamp(paris("2025-12-01T09:00:00").getTime());
            assertThat(dates.isoDate(dates.termEnd(fromDatabase))).isEqualTo("2029-12-01T00:00:00+01:00");
            Date sqlDate = new java.sql.Date(paris("2025-12-01T00:00:00").getTime());
            assertThat(ConventionDates.toLocalDate(sqlDate)).isEqualTo(LocalDate.parse("2025-12-01"));
        }

        @Test
        void isoDateOfALocalDateIsMidnightParisWithItsOffset() {
            assertThat(dates.isoDate(LocalDate.parse("2027-07-04"))).isEqualTo("2027-07-04T00:00:00+02:00");
            assertThat(dates.isoDate(LocalDate.parse("2028-01-15"))).isEqualTo("2028-01-15T00:00:00+01:00");
        }

        @Test
        void bpmnExpressionsPickTheDateOverloads() {
            // the same JUEL implementation and BeanELResolver as the engine uses for ${...}
            ExpressionFactory factory = new ExpressionFactoryImpl();
            SimpleContext context = new SimpleContext();
            context.setVariable("conventionDates", factory.createValueExpression(dates, ConventionDates.class));
            context.setVariable("dateSignature",
                    factory.createValueExpression(Date.from(Instant.parse("2025-09-15T08:30:00Z")), Date.class));

            Object termEnd = factory.createValueExpression(context,
                    "${conventionDates.termEnd(dateSignature)}", Object.class).getValue(context);
            Object iso = factory.createValueExpression(context,
                    "${conventionDates.isoDate(conventionDates.comite(dateSignature, 2))}", Object.class)
                    .getValue(context);

            assertThat(termEnd).isEqualTo(Date.from(Instant.parse("2029-09-14T22:00:00Z")));
            assertThat(iso).isEqualTo("2026-09-15T00:00:00+02:00");
        }
    }

    @Nested
    class SchoolYearConfiguration {

        @Test
        void bindsTheYamlMapOfSchoolYearEnds() throws Exception {
            String yaml = """
                    convention:
                      annees-scolaires:
                        2026-2027: 2027-07-03
                        2027-2028: 2028-07-01
                    """;
            var sources = new YamlPropertySourceLoader()
                    .load("test", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
            Binder binder = new Binder(ConfigurationPropertySources.from(sources), null,
                    ApplicationConversionService.getSharedInstance());

            SchoolYearProperties bound = binder.bind("convention", SchoolYearProperties.class).get();

            assertThat(bound.anneesScolaires()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "2026-2027", LocalDate.parse("2027-07-03"),
                    "2027-2028", LocalDate.parse("2028-07-01")));
            assertThat(new ConventionDates(bound).schoolYearEnd("2027-2028")).isEqualTo(LocalDate.parse("2028-07-01"));
        }

        @Test
        void refusesAnEndOutsideItsSchoolYear() {
            Binder binder = new Binder(List.of(new MapConfigurationPropertySource(
                    Map.of("convention.annees-scolaires.2026-2027", "2026-07-04"))), null,
                    ApplicationConversionService.getSharedInstance());
            assertThatThrownBy(() -> binder.bind("convention", SchoolYearProperties.class))
                    .isInstanceOf(BindException.class);
        }
    }
}
