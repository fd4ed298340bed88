package fr.conventionent.aaf.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.conventionent.aaf.AafFileType;
import fr.conventionent.kernel.JsonVariables;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AafRunHistoryTest {

    private static AafRunReport report(int day, AafRunReport.Result result, List<String> problems) {
        ZonedDateTime at = LocalDateTime.of(2026, 3, day, 6, 0).atZone(AafSchedule.PARIS);
        return new AafRunReport("ENT_Delta_202603" + String.format("%02d", day), AafFileType.DELTA.label(), at,
                at.plusSeconds(2), result, 4, 12_345, 1_234_567, 2_500, List.of("ENT.zip", "ENT_bordereau.txt"),
                "/archives/ENT", problems, List.of());
    }

    @Test
    void theHistoryKeepsTheMostRecentEntriesOnly() {
        Object history = null;
        for (int day = 2; day <= 6; day++) {
            history = JsonVariables.write(AafRunHistory.appended(history,
                    report(day, AafRunReport.Result.ENVOYE, List.of()).toHistoryEntry(), 3));
        }

        assertThat(JsonVariables.readList(history, Map.class)).extracting(e -> e.get("extraction"))
                .containsExactly("ENT_Delta_20260304", "ENT_Delta_20260305", "ENT_Delta_20260306");
    }

    @Test
    void reportsReadInFrenchAndHistoryEntriesStayShort() {
        AafRunReport sent = report(3, AafRunReport.Result.ENVOYE, List.of());
        AafRunReport refused = report(5, AafRunReport.Result.REFUSE,
                java.util.stream.IntStream.range(0, 60).mapToObj(i -> "problème " + i).toList());

        assertThat(sent.summary())
                .isEqualTo("Delta du 3 mars 2026 : envoyé – 4 fichiers, 12\u202f345 lignes, 1\u202f234\u202f567 octets en 2 s");
        assertThat(refused.summary()).endsWith(" – 60 problèmes");
        assertThat(refused.toVariable().get("problemes")).asList().hasSize(51).last().asString()
                .isEqualTo("… et 10 autres (voir le courriel)");
        assertThat(refused.toHistoryEntry()).doesNotContainKeys("problemes", "envoyes", "ignores")
                .containsEntry("resultat", "refuse");
    }
}
