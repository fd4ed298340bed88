package fr.conventionent.pilotage;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The comité is convened: its members and both parties get the invitation. */
@Component("sendInvitationsDelegate")
public class SendInvitationsDelegate implements JavaDelegate {

    private final SteeringCommitteeMails mails;

    public SendInvitationsDelegate(SteeringCommitteeMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.sendInvitations(execution);
    }
}
