package fr.conventionent.aaf.process;

import static fr.conventionent.aaf.process.LivraisonAafProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionRecipients;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.JsonVariables;

/**
 * The operator or its correspondents changed (an avenant): the former SFTP target is forgotten, so that no file can
 * reach it again, and the set-up task shows the new correspondents; the DSI confirms the new server, its host-key
 * fingerprint and the key exchange before any file leaves.
 */
@Component("withdrawAafTargetDelegate")
public class WithdrawAafTargetDelegate implements JavaDelegate {

    private static final List<String> FORMER_TARGET = List.of(HOTE_SFTP, UTILISATEUR_SFTP, REPERTOIRE_DISTANT,
            EMPREINTE_HOTE_SFTP, PROCHAINE_LIVRAISON, PROCHAINE_LIVRAISON_TYPE,
            // an initial load already done does not apply to the new operator: the DSI may plan its own
            CHARGEMENT_INITIAL, DATE_CHARGEMENT_INITIAL);

    private final AafDeliveries deliveries;
    private final ConventionRecipients recipients;

    public WithdrawAafTargetDelegate(AafDeliveries deliveries, ConventionRecipients recipients) {
        this.deliveries = deliveries;
        this.recipients = recipients;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String former = (String) execution.getVariable(EXPLOITANT_CONFIRME);
        String now = deliveries.currentOperator(execution);
        FORMER_TARGET.forEach(execution::removeVariable);
        List<Contact> contacts = recipients.correspondents(execution);
        execution.setVariable(CORRESPONDANTS_TECHNIQUES, JsonVariables.write(contacts));
        execution.setVariable(CORRESPONDANTS_TECHNIQUES_TEXTE, AafDeliveryMails.contactsText(contacts));
        execution.setVariable(RAISON_PARAMETRAGE, "**Nouvelle cible à confirmer :** un avenant a changé "
                + (former != null && !former.equals(now) ? "l'exploitant (" + former + " → " + now + ")"
                : "les correspondants techniques de l'exploitant")
                + ". Aucun fichier ne part plus vers l'ancien serveur : indiquez le serveur SFTP du nouvel exploitant"
                + " et l'empreinte de sa clé d'hôte, confirmée avec lui ; la clé publique lui sera transmise.");
    }
}
