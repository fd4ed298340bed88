package fr.conventionent.aaf.process;

import static fr.conventionent.aaf.process.LivraisonAafProcess.*;

import fr.conventionent.aaf.sftp.DeliveryKeyPair;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The target's ed25519 key pair: the private half to a file ({@link AafKeyStore}), only the public half as variables. */
@Component("generateAafKeyPairDelegate")
public class GenerateKeyPairDelegate implements JavaDelegate {

    private final AafKeyStore keyStore;

    public GenerateKeyPairDelegate(AafKeyStore keyStore) {
        this.keyStore = keyStore;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeliveryKeyPair key = keyStore.generateIfAbsent(execution.getProcessBusinessKey());
        execution.setVariable(CLE_PUBLIQUE_SFTP, key.publicKeyLine());
        execution.setVariable(EMPREINTE_CLE_SFTP, key.fingerprint());
    }
}
