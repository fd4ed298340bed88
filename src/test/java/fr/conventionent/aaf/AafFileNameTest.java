package fr.conventionent.aaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AafFileNameTest {

    @Test
    void parses_a_simple_name() {
        AafFileName name = AafFileName.parse("ENT_Complet_20240919_Eleve_0000.xml");

        assertThat(name.prefix()).isEqualTo("ENT");
        assertThat(name.type()).isEqualTo(AafFileType.COMPLET);
        assertThat(name.extractionDate()).isEqualTo(LocalDate.of(2024, 9, 19));
        assertThat(name.category()).isEqualTo(AafCategory.ELEVE);
        assertThat(name.number()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
            "ENT2DVA-ENT16_Complet_20240916_EtabEducNat_0000.xml, ENT2DVA-ENT16, EtabEducNat, 0",
            "FULL_ENTTSSERVICES_Complet_20130117_PersRelEleve_0002.xml, FULL_ENTTSSERVICES, PersRelEleve, 2",
            "A_B-C_D_Delta_20240229_PersEducNat_0117.xml, A_B-C_D, PersEducNat, 117"})
    void prefix_may_contain_underscores_and_dashes(String fileName, String prefix, String category, int number) {
        AafFileName name = AafFileName.parse(fileName);

        assertThat(name.prefix()).isEqualTo(prefix);
        assertThat(name.category().label()).isEqualTo(category);
        assertThat(name.number()).isEqualTo(number);
        assertThat(name.fileName()).isEqualTo(fileName);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ENT_Partiel_20240919_Eleve_0000.xml | type « Partiel » inconnu (attendu Delta ou Complet)",
            "ENT_complet_20240919_Eleve_0000.xml | type « complet » inconnu",
            "ENT_Complet_20240919_MefEducNat_0000.xml | catégorie « MefEducNat » inconnue",
            "ENT_Complet_20240231_Eleve_0000.xml | date « 20240231 » inexistante dans le calendrier",
            "ENT_Complet_2024919_Eleve_0000.xml | date « 2024919 » invalide (attendu aaaammjj)",
            "ENT_Complet_19-09-24_Eleve_0000.xml | date « 19-09-24 » invalide",
            "ENT_Complet_20240919_Eleve_01.xml | numéro d'ordre « 01 » invalide (attendu 4 chiffres)",
            "ENT_Complet_20240919_Eleve_00a1.xml | numéro d'ordre « 00a1 » invalide",
            "ENT_Complet_20240919_Eleve_0000.txt | extension .xml absente",
            "ENT_Complet_20240919_Eleve_0000.xml.part | extension .xml absente",
            "Complet_20240919_Eleve_0000.xml | format attendu",
            "_Complet_20240919_Eleve_0000.xml | préfixe absent",
            "-ENT_Complet_20240919_Eleve_0000.xml | préfixe invalide",
            "EN T_Complet_20240919_Eleve_0000.xml | préfixe invalide"})
    void rejects_bad_names_with_a_french_reason(String fileName, String reason) {
        assertThatThrownBy(() -> AafFileName.parse(fileName))
                .isInstanceOf(InvalidAafFileNameException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void formats_number_on_four_digits() {
        AafExtraction extraction = new AafExtraction("ENT", AafFileType.DELTA, LocalDate.of(2025, 1, 2));

        assertThat(extraction.fileName(AafCategory.PERS_REL_ELEVE, 7).fileName())
                .isEqualTo("ENT_Delta_20250102_PersRelEleve_0007.xml");
        assertThat(extraction.label()).isEqualTo("ENT_Delta_20250102");
    }
}
