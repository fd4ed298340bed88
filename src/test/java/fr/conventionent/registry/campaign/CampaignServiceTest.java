package fr.conventionent.registry.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.Groups;
import fr.conventionent.registry.Viewer;
import fr.conventionent.support.EngineTest;

class CampaignServiceTest extends EngineTest {

    private static final Viewer DACES = new Viewer("daces", List.of(Groups.DACES));

    /** Lines 2 and 3 valid, 4 blank, 5 a duplicate of 2, 6 malformed, 7 unknown, 8 Cergy (already running). */
    private static final byte[] FILE = ("\uFEFFCommune;Code INSEE\r\n"
            + "Versailles;78646\r\n"
            + "Nanterre;92050\r\n"
            + "\r\n"
            + "Versailles encore;78646\r\n"
            + "Faute de frappe;7864\r\n"
            + "Hors académie;78999\r\n"
            + "Cergy;95127\r\n").getBytes(StandardCharsets.UTF_8);

    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignRepository repository;
    @Autowired
    CampaignPlanner planner;
    @Autowired
    CampaignResumer resumer;

    @Test
    void campaignStartsTheValidCommunesAndSaysWhyEachOtherLineWasRefused() {
        String cergy = startConvention("95127").getBusinessKey();

        CampaignService.Report report = awaitEnd(campaigns.launchFromFile(DACES, "communes.csv", FILE, null));

        assertThat(runningConventions()).containsExactlyInAnyOrder("78646", "92050", "95127");
        String versailles = numberOf("78646");
        String nanterre = numberOf("92050");
        assertThat(report.lignes()).extracting(CampaignLine::ligne, CampaignLine::codeInsee, CampaignLine::resultat,
                CampaignLine::convention, CampaignLine::motif).containsExactly(
                tuple(2, "78646", LineResult.DEMARREE, versailles, null),
                tuple(3, "92050", LineResult.DEMARREE, nanterre, null),
                tuple(5, "78646", LineResult.REFUSEE, null, "doublon de la ligne 2"),
                tuple(6, "7864", LineResult.REFUSEE, null, "« 7864 » n'est pas un code INSEE (5 caractères)"),
                tuple(7, "78999", LineResult.REFUSEE, null, "commune inconnue du référentiel de l'académie"),
                tuple(8, "95127", LineResult.REFUSEE, null,
                        "une convention est déjà en cours pour cette commune : " + cergy));
        Campaign campaign = report.campagne();
        assertThat(campaign.libelle()).isEqualTo("communes.csv");
        assertThat(campaign.source()).isEqualTo("fichier");
        assertThat(campaign.lancePar()).isEqualTo("daces");
        assertThat(List.of(campaign.total(), campaign.demarrees(), campaign.refusees())).containsExactly(6, 2, 4);
        // started as the DACES, as from Tasklist
        assertThat(runtimeService.getVariable(instanceOf("78646").getId(), ConventionVariables.INITIATEUR))
                .isEqualTo("daces");
    }

    @Test
    void sameCampaignRunTwiceStartsNothingTheSecondTime() {
        awaitEnd(campaigns.launchFromFile(DACES, "communes.csv", FILE, "Premier passage"));
        String versailles = numberOf("78646");
        String nanterre = numberOf("92050");

        CampaignService.Report again = awaitEnd(campaigns.launchFromFile(DACES, "communes.csv", FILE, "Second passage"));

        assertThat(runningConventions()).containsExactlyInAnyOrder("78646", "92050", "95127");
        assertThat(again.campagne().demarrees()).isZero();
        assertThat(again.campagne().refusees()).isEqualTo(6);
        assertThat(again.lignes()).filteredOn(line -> line.ligne() <= 3).extracting(CampaignLine::motif)
                .containsExactly("une convention est déjà en cours pour cette commune : " + versailles,
                        "une convention est déjà en cours pour cette commune : " + nanterre);
    }

    @Test
    void departementCampaignStartsEveryCommuneOfTheDepartement() {
        CampaignService.Report report = awaitEnd(campaigns.launchForDepartement(DACES, "78", null));

        assertThat(runningConventions()).containsExactlyInAnyOrder("78646", "78158");
        assertThat(report.campagne().source()).isEqualTo("département 78");
        assertThat(report.lignes()).extracting(CampaignLine::commune, CampaignLine::resultat).containsExactly(
                tuple("Le Chesnay-Rocquencourt", LineResult.DEMARREE), tuple("Versailles", LineResult.DEMARREE));
    }

    @Test
    void interruptedCampaignResumesItsPendingLinesAtStartUp() {
        long id = repository.create("Campagne interrompue", "daces", "fichier",
                planner.plan(List.of(new SubmittedCode(1, "91228"), new SubmittedCode(2, "91174"))));

        resumer.resumeInterruptedCampaigns();

        assertThat(awaitEnd(id).campagne().demarrees()).isEqualTo(2);
        assertThat(runningConventions()).containsExactlyInAnyOrder("91228", "91174");
    }

    private CampaignService.Report awaitEnd(long id) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            CampaignService.Report report = campaigns.report(id).orElseThrow();
            if (Campaign.TERMINEE.equals(report.campagne().etat())) {
                return report;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("La campagne " + id + " n'est pas terminée après 60 s");
    }

    private List<String> runningConventions() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(ConventionProcess.KEY).list().stream()
                .map(instance -> (String) runtimeService.getVariable(instance.getId(), ConventionVariables.COMMUNE_INSEE))
                .toList();
    }

    private ProcessInstance instanceOf(String insee) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(ConventionProcess.KEY)
                .variableValueEquals(ConventionVariables.COMMUNE_INSEE, insee).singleResult();
    }

    private String numberOf(String insee) {
        return instanceOf(insee).getBusinessKey();
    }
}
