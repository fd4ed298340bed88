package fr.conventionent.aaf;

import static org.assertj.core.api.Assertions.assertThat;

import fr.conventionent.aaf.generator.AafGenerationResult;
import fr.conventionent.aaf.generator.AafGenerator;
import fr.conventionent.aaf.generator.AafGeneratorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Minimisation des données : un lot ne porte que les écoles de l'annexe 1, vérifié pendant la lecture en flux
 * (écoles déclarées, rattachement des élèves et des personnels), lots écrits par le générateur du projet.
 */
class AafAnnexScopeTest {

    private static final String ANNEX_SCHOOL = "0781234T";
    private static final String OTHER_ANNEX_SCHOOL = "0781235U";
    private static final String FOREIGN_SCHOOL = "0751234A";
    private static final AafExtraction COMPLET = new AafExtraction("ENT78", AafFileType.COMPLET, LocalDate.of(2026, 3, 5));
    private static final AafExtraction DELTA = new AafExtraction("ENT78", AafFileType.DELTA, LocalDate.of(2026, 3, 6));

    @TempDir
    Path inbox;

    @Test
    void aBatchOfAnnexSchoolsOnlyPassesAndTellsWhichSchoolsItDeclared() {
        AafGenerationResult files = generate(COMPLET, 300, List.of(ANNEX_SCHOOL, OTHER_ANNEX_SCHOOL));

        AafVerification verification = verify(COMPLET, files, AafAnnexScope.of(List.of(ANNEX_SCHOOL, OTHER_ANNEX_SCHOOL)));

        assertThat(verification.problems()).isEmpty();
        assertThat(verification.uaisOutsideAnnex()).isEmpty();
        assertThat(verification.declaredStructures()).containsExactly(
                Map.entry("100000", ANNEX_SCHOOL), Map.entry("100001", OTHER_ANNEX_SCHOOL));
    }

    @Test
    void aSchoolOutsideTheAnnexIsRefusedWithItsUaiAndSoAreThePupilsAndStaffAttachedToIt() {
        AafGenerationResult files = generate(COMPLET, 300, List.of(ANNEX_SCHOOL, FOREIGN_SCHOOL));

        AafVerification verification = verify(COMPLET, files, AafAnnexScope.of(List.of(ANNEX_SCHOOL)));

        assertThat(verification.ok()).isFalse();
        assertThat(verification.problems()).containsExactlyInAnyOrder(
                "ENT78_Complet_20260305_Eleve_0000.xml : élèves rattachés à une école hors de l'annexe 1 de la"
                        + " convention : UAI " + FOREIGN_SCHOOL,
                "ENT78_Complet_20260305_EtabEducNat_0000.xml : école hors de l'annexe 1 de la convention : UAI "
                        + FOREIGN_SCHOOL + " ; ces données ne doivent pas être transmises à l'exploitant",
                "ENT78_Complet_20260305_PersEducNat_0000.xml : personnels rattachés à une école hors de l'annexe 1"
                        + " de la convention : UAI " + FOREIGN_SCHOOL);
        assertThat(verification.uaisOutsideAnnex()).as("une fois, pour le registre des livraisons")
                .containsExactly(FOREIGN_SCHOOL);
    }

    @Test
    void withoutAnAnnexToCheckAgainstTheSameBatchPasses() {
        AafGenerationResult files = generate(COMPLET, 300, List.of(ANNEX_SCHOOL, FOREIGN_SCHOOL));

        assertThat(verify(COMPLET, files, null).problems()).isEmpty();
    }

    @Test
    void aDeltaAttachingPeopleToASchoolDeliveredBeforeButNoLongerInTheAnnexIsRefused() {
        // Les deux écoles ont été livrées par un Complet ; un avenant a depuis retiré la seconde de l'annexe 1.
        AafGenerationResult files = generate(DELTA, 3000, List.of(ANNEX_SCHOOL, FOREIGN_SCHOOL));
        AafAnnexScope scope = AafAnnexScope.of(List.of(ANNEX_SCHOOL))
                .withKnown(Map.of("100000", ANNEX_SCHOOL, "100001", FOREIGN_SCHOOL));

        AafVerification verification = verify(DELTA, files, scope);
        List<String> problems = verification.problems();

        assertThat(verification.uaisOutsideAnnex()).containsExactly(FOREIGN_SCHOOL);
        assertThat(problems).contains("ENT78_Delta_20260306_Eleve_0000.xml : élèves rattachés à une école hors de"
                + " l'annexe 1 de la convention : UAI " + FOREIGN_SCHOOL);
        assertThat(problems).allMatch(p -> p.contains(FOREIGN_SCHOOL));
    }

    @Test
    void aDeltaAttachingPeopleToASchoolNoDeliveryEverDeclaredIsRefused() {
        AafGenerationResult files = generate(DELTA, 3000, List.of(ANNEX_SCHOOL, OTHER_ANNEX_SCHOOL));
        AafAnnexScope scope = AafAnnexScope.of(List.of(ANNEX_SCHOOL, OTHER_ANNEX_SCHOOL))
                .withKnown(Map.of("100000", ANNEX_SCHOOL));

        assertThat(verify(DELTA, files, scope).problems()).contains("ENT78_Delta_20260306_Eleve_0000.xml : élèves"
                + " rattachés à une structure inconnue (identifiant 100001) : ni cette livraison ni les précédentes ne la"
                + " déclarent dans un fichier EtabEducNat, rien ne dit qu'elle est dans l'annexe 1");
        assertThat(verify(DELTA, files, scope.withKnown(Map.of("100000", ANNEX_SCHOOL, "100001", OTHER_ANNEX_SCHOOL)))
                .problems()).isEmpty();
    }

    @Test
    void aSchoolWithoutUaiIsRefused() throws Exception {
        AafGenerationResult files = generate(COMPLET, 10, List.of(ANNEX_SCHOOL));
        Path schools = files.files().stream().filter(f -> f.toString().contains("_EtabEducNat_")).findFirst().orElseThrow();
        Files.writeString(schools, Files.readString(schools).replaceAll("<attr name=\"ENTStructureUAI\">.*?</attr>", ""));

        assertThat(verify(COMPLET, files, AafAnnexScope.of(List.of(ANNEX_SCHOOL))).problems())
                .anyMatch(p -> p.startsWith("ENT78_Complet_20260305_EtabEducNat_0000.xml : école sans UAI"));
    }

    private AafGenerationResult generate(AafExtraction extraction, int pupils, List<String> uais) {
        return new AafGenerator().generate(new AafGeneratorOptions(extraction, pupils, 5).withSchoolUais(uais), inbox);
    }

    private static AafVerification verify(AafExtraction extraction, AafGenerationResult files, AafAnnexScope scope) {
        AafVerifier verifier = new AafVerifier();
        return verifier.verify(extraction, files.files(), verifier.checkNames(extraction, files.files()), scope);
    }
}
