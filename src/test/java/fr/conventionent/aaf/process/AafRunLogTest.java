package fr.conventionent.aaf.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AafRunLogTest {

    @Test
    void theUaisOutsideAnnexOneKeptWithARefusedRunFitTheirColumnWhateverTheFileHeld() {
        List<String> uais = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            uais.add(String.format("075%04dA", i));
        }
        uais.add(1, "X".repeat(64)); // a value the checker cut at 64 characters: not a UAI, still named

        String kept = AafRunLog.firstThatFit(uais);

        assertThat(kept.length()).isLessThanOrEqualTo(AafRunLog.MAX_UAIS_LENGTH);
        assertThat(kept).startsWith("0750000A," + "X".repeat(64) + ",0750001A,").endsWith("A");
        assertThat(kept.split(",")).hasSizeGreaterThan(200);
    }
}
