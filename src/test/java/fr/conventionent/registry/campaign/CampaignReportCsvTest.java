package fr.conventionent.registry.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CampaignReportCsvTest {

    @Test
    void reportOpensInAFrenchSpreadsheetAndNeverAsAFormula() {
        Campaign campaign = new Campaign(7, "Essai", "daces", null, "fichier", Campaign.TERMINEE, null, 2, 1, 1);
        List<CampaignLine> lines = List.of(
                new CampaignLine(1, 2, "78646", "Versailles", LineResult.DEMARREE, "CONV-78646-2026-01", null),
                CampaignLine.refused(2, 3, "=HYPERLINK(\"x\")", null, "« =HYPERLINK » n'est pas un code INSEE; vraiment"));

        String csv = new String(CampaignReportCsv.write(new CampaignService.Report(campaign, lines)),
                StandardCharsets.UTF_8);

        assertThat(csv).isEqualTo("\uFEFFLigne;Code INSEE;Commune;Résultat;Convention;Motif\r\n"
                + "2;78646;Versailles;démarrée;CONV-78646-2026-01;\r\n"
                + "3;\"'=HYPERLINK(\"\"x\"\")\";;refusée;;\"« =HYPERLINK » n'est pas un code INSEE; vraiment\"\r\n");
    }
}
