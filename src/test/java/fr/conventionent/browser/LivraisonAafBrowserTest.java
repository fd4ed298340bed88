package fr.conventionent.browser;

import static fr.conventionent.aaf.process.LivraisonAafProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.conventionent.aaf.process.AafDeliveries;
import fr.conventionent.aaf.sftp.DeliveryKeyPair;
import fr.conventionent.aaf.sftp.Ed25519Keys;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.support.EngineTest;
import fr.conventionent.support.RequiredTool;
import fr.conventionent.support.TasklistBrowser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The DSI sets up a convention's AAF deliveries in the real Tasklist (Debian's chromium): the form shows the
 * correspondents, the public key and the default schedule; a value the browser lets through is refused by the
 * server in French; the accepted set-up reaches the engine with the types the server expects. Screenshots under
 * target/screenshots/parametrage-livraison-aaf/.
 */
class LivraisonAafBrowserTest extends EngineTest {

    private static final String NUMERO = "CONV-78646-1998-01";

    @LocalServerPort
    int port;
    @Autowired
    AafDeliveries deliveries;

    @BeforeEach
    void requireChromium() {
        RequiredTool.assume(TasklistBrowser.available(), "chromium ou chromedriver absent (/usr/bin). Installer : apt-get install chromium chromium-driver");
    }

    @Test
    void theDsiSetsUpTheDeliveriesInTasklist() throws Exception {
        String id = deliveries.start(NUMERO, "78646", "Versailles", JsonVariables.write(List.of(
                new Contact("LEROY Anne", "0140000002", "anne.leroy@exploitant.example"))));
        executeDueJobs();
        String publicKey = (String) runtimeService.getVariable(id, CLE_PUBLIQUE_SFTP);
        DeliveryKeyPair hostKey = Ed25519Keys.generate("sftp.exploitant.example");

        try (TasklistBrowser browser = new TasklistBrowser(port, "parametrage-livraison-aaf")) {
            browser.login("dsi");
            browser.openTask("Paramétrer les livraisons AAF");
            browser.waitForText("LEROY Anne");
            assertThat(browser.pageText()).contains("Livraisons AAF – convention " + NUMERO, "01 40 00 00 02",
                    (String) runtimeService.getVariable(id, EMPREINTE_CLE_SFTP));
            assertThat(browser.pageText()).doesNotContain("PRIVATE KEY");
            browser.screenshot("formulaire");

            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("Field_PrefixeFichiers", "ENT78-VERSAILLES");
            fields.put("Field_HoteSftp", "sftp exploitant");
            fields.put("Field_PortSftp", "2222");
            fields.put("Field_UtilisateurSftp", "ent78");
            fields.put("Field_RepertoireDistant", "/depot/aaf");
            fields.put("Field_EmpreinteHoteSftp", Ed25519Keys.fingerprint(hostKey.keyPair().getPublic()));
            browser.check("input[id$='Field_LivrerZip']");
            fields.put("Field_NomArchiveZip", "ENT78_{type}_{date}.zip");
            browser.check("input[id$='Field_JoindreBordereau']");
            fields.put("Field_CodeDestinataire", "ENT-ITOP-78");
            fields.forEach(browser::fillChecked);
            fields.forEach(browser::fillChecked); // nothing lost meanwhile
            browser.screenshot("formulaire-rempli");
            browser.complete();
            assertThat(browser.waitForNotificationContaining("Saisie refusée"))
                    .contains("Le serveur SFTP « sftp exploitant » n'est pas un nom d'hôte ni une adresse IP valide.");
            browser.screenshot("refus-serveur");

            browser.fillChecked("Field_HoteSftp", "sftp.exploitant.example");
            fields.forEach((field, value) -> browser.fillChecked(field, field.equals("Field_HoteSftp")
                    ? "sftp.exploitant.example" : value));
            browser.complete();
            browser.waitForTaskGone("Paramétrer les livraisons AAF");
        }

        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
        assertThat(instance).isWaitingAt(GATEWAY_WAIT_FOR_DELIVERY).variables()
                .containsEntry(PREFIXE_FICHIERS, "ENT78-VERSAILLES")
                .containsEntry(HEURE_LIVRAISON, "06:00")
                .containsEntry(LIVRER_ZIP, true)
                .containsEntry(PORT_SFTP, 2222)
                .containsEntry(HOTE_SFTP, "sftp.exploitant.example")
                .containsEntry(PARAMETRE_PAR, "dsi")
                .containsEntry(CLE_PUBLIQUE_SFTP, publicKey);
        assertThat(JsonVariables.readList(runtimeService.getVariable(id, JOURS_COMPLET), String.class))
                .containsExactly("jeudi");
        assertThat(JsonVariables.readList(runtimeService.getVariable(id, JOURS_DELTA), String.class))
                .containsExactly("lundi", "mardi", "mercredi", "vendredi");
    }
}
