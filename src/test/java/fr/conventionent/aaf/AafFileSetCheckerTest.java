package fr.conventionent.aaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AafFileSetCheckerTest {

    private static final AafExtraction COMPLET = new AafExtraction("ENT2DVA-ENT16", AafFileType.COMPLET, LocalDate.of(2024, 9, 19));
    private static final AafExtraction DELTA = new AafExtraction("ENT2DVA-ENT16", AafFileType.DELTA, LocalDate.of(2024, 9, 19));
    private final AafFileSetChecker checker = new AafFileSetChecker();

    private static String name(AafExtraction e, AafCategory c, int n) {
        return e.fileName(c, n).fileName();
    }

    private static List<String> fullSet(AafExtraction e) {
        return List.of(name(e, AafCategory.ELEVE, 0), name(e, AafCategory.ELEVE, 1), name(e, AafCategory.ETAB_EDUC_NAT, 0),
                name(e, AafCategory.PERS_EDUC_NAT, 0), name(e, AafCategory.PERS_REL_ELEVE, 0), name(e, AafCategory.PERS_REL_ELEVE, 1));
    }

    @Test
    void a_complete_contiguous_set_passes_and_is_sorted_by_category_then_number() {
        List<String> shuffled = List.of(name(COMPLET, AafCategory.PERS_REL_ELEVE, 1), name(COMPLET, AafCategory.ELEVE, 1),
                name(COMPLET, AafCategory.PERS_EDUC_NAT, 0), name(COMPLET, AafCategory.ELEVE, 0),
                name(COMPLET, AafCategory.PERS_REL_ELEVE, 0), name(COMPLET, AafCategory.ETAB_EDUC_NAT, 0));

        AafNameCheck result = checker.check(COMPLET, shuffled);

        assertThat(result.ok()).isTrue();
        assertThat(result.acceptedNames()).extracting(AafFileName::fileName).containsExactlyElementsOf(fullSet(COMPLET));
    }

    @Test
    void a_gap_in_numbering_is_reported_per_category() {
        List<String> names = List.of(name(COMPLET, AafCategory.ELEVE, 0), name(COMPLET, AafCategory.ELEVE, 1),
                name(COMPLET, AafCategory.ELEVE, 2), name(COMPLET, AafCategory.ELEVE, 4),
                name(COMPLET, AafCategory.ETAB_EDUC_NAT, 0), name(COMPLET, AafCategory.PERS_EDUC_NAT, 0),
                name(COMPLET, AafCategory.PERS_REL_ELEVE, 0));

        AafNameCheck result = checker.check(COMPLET, names);

        assertThat(result.ok()).isFalse();
        assertThat(result.setProblems()).containsExactly("numéro 0003 manquant dans la catégorie Eleve");
    }

    @Test
    void numbering_starts_at_0000() {
        List<String> names = List.of(name(DELTA, AafCategory.ELEVE, 1), name(DELTA, AafCategory.ELEVE, 2));

        assertThat(checker.check(DELTA, names).setProblems()).containsExactly("numéro 0000 manquant dans la catégorie Eleve");
    }

    @Test
    void type_mismatch_is_reported_on_the_file() {
        List<String> names = fullSet(DELTA);

        AafNameCheck result = checker.check(COMPLET, names);

        assertThat(result.problemsOf(names.get(0))).containsExactly("type Complet attendu, Delta trouvé");
        AafNameCheck reverse = checker.check(DELTA, fullSet(COMPLET));
        assertThat(reverse.problemsOf(fullSet(COMPLET).get(0))).containsExactly("type Delta attendu, Complet trouvé");
    }

    @Test
    void prefix_and_date_mismatches_are_reported() {
        String otherPrefix = "ENT2DVA_Complet_20240919_Eleve_0000.xml";
        String otherDate = "ENT2DVA-ENT16_Complet_20240918_Eleve_0001.xml";

        AafNameCheck result = checker.check(COMPLET, List.of(otherPrefix, otherDate));

        assertThat(result.problemsOf(otherPrefix)).containsExactly("préfixe ENT2DVA-ENT16 attendu, ENT2DVA trouvé");
        assertThat(result.problemsOf(otherDate)).containsExactly("date d'extraction 20240919 attendue, 20240918 trouvée");
    }

    @Test
    void bad_names_and_duplicates_are_refused() {
        List<String> names = new java.util.ArrayList<>(fullSet(COMPLET));
        names.add("ENT2DVA-ENT16_Complet_20240919_Parents_0000.xml");
        names.add(name(COMPLET, AafCategory.ELEVE, 0));

        AafNameCheck result = checker.check(COMPLET, names);

        assertThat(result.problemsOf("ENT2DVA-ENT16_Complet_20240919_Parents_0000.xml"))
                .singleElement().asString().startsWith("nom non conforme : catégorie « Parents » inconnue");
        assertThat(result.problemsOf(name(COMPLET, AafCategory.ELEVE, 0))).containsExactly("fichier en double dans l'envoi");
    }

    @Test
    void complet_needs_every_category_but_delta_does_not() {
        List<String> onlyPupils = List.of(name(COMPLET, AafCategory.ELEVE, 0));
        assertThat(checker.check(COMPLET, onlyPupils).setProblems()).containsExactly(
                "catégorie EtabEducNat absente (obligatoire dans un envoi Complet)",
                "catégorie PersEducNat absente (obligatoire dans un envoi Complet)",
                "catégorie PersRelEleve absente (obligatoire dans un envoi Complet)");

        assertThat(checker.check(DELTA, List.of(name(DELTA, AafCategory.ELEVE, 0))).ok()).isTrue();
    }

    @Test
    void an_empty_set_is_refused() {
        assertThat(checker.check(DELTA, List.of()).setProblems()).containsExactly("aucun fichier pour ENT2DVA-ENT16_Delta_20240919");
    }

    @Test
    void a_wrong_date_file_does_not_fill_the_gap_it_leaves() {
        List<String> names = List.of(name(DELTA, AafCategory.ELEVE, 0), "ENT2DVA-ENT16_Delta_20240918_Eleve_0001.xml",
                name(DELTA, AafCategory.ELEVE, 2));

        AafNameCheck result = checker.check(DELTA, names);

        assertThat(result.setProblems()).containsExactly("numéro 0001 manquant dans la catégorie Eleve");
    }
}
