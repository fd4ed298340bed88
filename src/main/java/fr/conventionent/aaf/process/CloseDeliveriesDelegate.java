package fr.conventionent.aaf.process;

import static fr.conventionent.aaf.process.LivraisonAafProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The convention has ended (message {@code ConventionTerminee}, whose interrupting event sub-process has already
 * cancelled the next run; or, found at a run's time, its instance finished): the target's private key is deleted
 * once this is committed, and the correspondents are told they may remove the public key (if the set-up was done).
 */
@Component("closeAafDeliveriesDelegate")
public class CloseDeliveriesDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(CloseDeliveriesDelegate.class);

    private final AafKeyStore keyStore;
    private final AafDeliveryMails mails;

    public CloseDeliveriesDelegate(AafKeyStore keyStore, AafDeliveryMails mails) {
        this.keyStore = keyStore;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String numero = execution.getProcessBusinessKey();
        if (execution.getVariable(DATE_PARAMETRAGE) != null) {
            mails.stopped(execution, numero);
        }
        Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                committed -> {
                    try {
                        keyStore.delete(numero);
                    } catch (RuntimeException e) {
                        LOG.warn("Livraisons AAF de {} arrêtées, mais clé privée non supprimée : {}", numero, e.getMessage());
                    }
                });
        LOG.info("Livraisons AAF de la convention {} arrêtées", numero);
    }
}
