package fr.conventionent.aaf.process;

import java.time.ZonedDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Mails the public key and the agreed set-up to the operator's correspondents (and the DSI). */
@Component("sendAafPublicKeyDelegate")
public class SendPublicKeyDelegate implements JavaDelegate {

    private final AafDeliveryMails mails;

    public SendPublicKeyDelegate(AafDeliveryMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AafDeliverySettings settings = AafDeliverySettings.from(execution::getVariable);
        AafSchedule.Run first = settings.schedule().firstRunAfter(ZonedDateTime.now(EngineClock.PARIS));
        mails.publicKey(execution, execution.getProcessBusinessKey(), settings, first);
    }
}
