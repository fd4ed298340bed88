package fr.conventionent.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;

import org.junit.jupiter.api.Test;

import fr.conventionent.kernel.FrenchFormats;

class BreachDeadlinesTest {

    private final BreachDeadlines deadlines = new BreachDeadlines();

    private static Date paris(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(FrenchFormats.PARIS).toInstant());
    }

    @Test
    void cnilMustBeNotifiedSeventyTwoHoursAfterDetection() {
        Date detection = paris("2026-03-02T09:15");

        assertThat(deadlines.notificationDeadline(detection)).isEqualTo(paris("2026-03-05T09:15"));
        assertThat(deadlines.firstEscalation(detection)).isEqualTo(paris("2026-03-04T09:15"));
        assertThat(deadlines.deadlineText(detection)).isEqualTo("5 mars 2026 à 9 h 15");
    }

    @Test
    void seventyTwoHoursAreElapsedHoursAcrossTheChangeToSummerTime() {
        // summer time begins on Sunday 29 March 2026 at 2:00 in Paris: 72 hours later reads 1 hour later
        Date detection = paris("2026-03-28T10:00");

        assertThat(Duration.between(detection.toInstant(), deadlines.notificationDeadline(detection).toInstant()))
                .isEqualTo(Duration.ofHours(72));
        assertThat(deadlines.notificationDeadline(detection)).isEqualTo(paris("2026-03-31T11:00"));
    }

    @Test
    void aNotificationIsLateOnlyAfterTheSeventyTwoHours() {
        Date detection = paris("2026-03-02T09:15");

        assertThat(deadlines.isLate(detection, paris("2026-03-05T09:15"))).isFalse();
        assertThat(deadlines.isLate(detection, paris("2026-03-05T09:16"))).isTrue();
    }

    @Test
    void frenchDateTimeSaysFirstOfTheMonthAndHoursAsFrenchWriteThem() {
        assertThat(BreachDeadlines.longDateTime(paris("2026-03-01T08:05"))).isEqualTo("1er mars 2026 à 8 h 05");
    }

    @Test
    void aDeadlineNeedsADetectionDate() {
        assertThatThrownBy(() -> deadlines.notificationDeadline(null)).hasMessageContaining("date de détection");
    }
}
