package fr.conventionent.aaf.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Mails the public key and the agreed set-up to the operator's correspondents (and the DSI). */
@Component("sendAafPublicKeyDelegate")
public class SendPublicKeyDelegate implements JavaDelegate {

    private final AafDeliveryMails mails;
    private final AafDeliverySchedule schedule;

    public SendPublicKeyDelegate(AafDeliveryMails mails, AafDeliverySchedule schedule) {
        this.mails = mails;
        this.schedule = schedule;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AafDeliverySettings settings = AafDeliverySettings.from(execution::getVariable);
        AafSchedule.Run first = schedule.upcoming(execution);
        mails.publicKey(execution, execution.getProcessBusinessKey(), settings, first);
    }
}
