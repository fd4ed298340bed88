package fr.conventionent.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrenchFormatsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "01 39 00 00 01      | true  | 01 39 00 00 01",
            "0139000001          | true  | 01 39 00 00 01",
            "+33 6 12 34 56 78   | true  | 06 12 34 56 78",
            "06.12.34.56.78      | true  | 06 12 34 56 78",
            "00 39 00 00 01      | false | 00 39 00 00 01",
            "01 39 00 00         | false | 01 39 00 00",
            "+44 20 7946 0958    | false | +44 20 7946 0958"})
    void recognisesAndFormatsFrenchPhoneNumbers(String phone, boolean valid, String formatted) {
        assertThat(FrenchFormats.isPhone(phone)).isEqualTo(valid);
        assertThat(FrenchFormats.formatPhone(phone)).isEqualTo(formatted);
    }

    @ParameterizedTest
    @CsvSource({"78646, true", "2A004, true", "97411, true", "7864, false", "786461, false", "AB123, false"})
    void recognisesInseeCodes(String code, boolean valid) {
        assertThat(FrenchFormats.isInsee(code)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"referent.ent@versailles.fr, true", "a.b@ac-versailles.fr, true", "pas-un-courriel, false",
            "x@y, false", "deux@@arobases.fr, false"})
    void recognisesEmailAddresses(String email, boolean valid) {
        assertThat(FrenchFormats.isEmail(email)).isEqualTo(valid);
    }

    @Test
    void writesDatesTheFrenchWay() {
        assertThat(FrenchFormats.longDate(LocalDate.of(2027, 3, 1))).isEqualTo("1er mars 2027");
        assertThat(FrenchFormats.longDate(LocalDate.of(2026, 11, 28))).isEqualTo("28 novembre 2026");
        assertThat(FrenchFormats.longDate(LocalDate.of(2028, 2, 29))).isEqualTo("29 février 2028");
    }
}
