package fr.conventionent.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UaiTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            // UAI, valid? — by hand: 780001 mod 23 = 2 → C; 750001 mod 23 = 17 → U; 0780273Y is the lycée Hoche
            "0780001C, true",
            "0780001D, false",
            "0750001U, true",
            "0750001F, false",
            "0780273Y, true",
            "0781234T, true",
            "078123T,  false",
            "07812345, false",
            "0781234t, false",
            "'',       false"})
    void checksFormatAndCheckLetter(String uai, boolean valid) {
        assertThat(Uai.isValid(uai)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"78, 078", "91, 091", "974, 974", "2A, 620", "2B, 720"})
    void knowsTheUaiPrefixOfADepartement(String departement, String prefix) {
        assertThat(Uai.prefixOf(departement)).isEqualTo(prefix);
    }
}
