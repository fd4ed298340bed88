package fr.conventionent.aaf.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AafUaiTest {

    @Test
    void check_letter_is_the_seven_digits_modulo_23_in_the_letter_table() {
        // 781234 mod 23 = 16 → lettre d'indice 16 de ABCDEFGHJKLMNPRSTUVWXYZ = T
        assertThat(781234 % 23).isEqualTo(16);
        assertThat(Uai.checkLetter("0781234")).isEqualTo('T');
        assertThat(Uai.of("0781234")).isEqualTo("0781234T");
        // UAI publié d'un lycée parisien : 750654 mod 23 = 3 → D
        assertThat(Uai.isValid("0750654D")).isTrue();
        assertThat(Uai.of("0000000")).isEqualTo("0000000A");
        assertThat(Uai.checkLetter("0000022")).isEqualTo('Z');
    }

    @Test
    void validates_format_and_letter() {
        assertThat(Uai.isValid("0781234T")).isTrue();
        assertThat(Uai.isValid("0781234U")).isFalse();
        assertThat(Uai.isValid("0123456A")).as("UAI des jeux d'essai publics, lettre fausse").isFalse();
        assertThat(Uai.isValid("078123J")).isFalse();
        assertThat(Uai.isValid(null)).isFalse();
        assertThatThrownBy(() -> Uai.checkLetter("12AB567")).isInstanceOf(IllegalArgumentException.class);
    }
}
