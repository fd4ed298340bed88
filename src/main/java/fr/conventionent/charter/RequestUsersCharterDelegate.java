package fr.conventionent.charter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** On the convention, once signed: every school of Annexe 1 is to adopt the users' charter (article 5). */
@Component("requestUsersCharterDelegate")
public class RequestUsersCharterDelegate implements JavaDelegate {

    private final UsersCharter charter;

    public RequestUsersCharterDelegate(UsersCharter charter) {
        this.charter = charter;
    }

    @Override
    public void execute(DelegateExecution execution) {
        charter.request(execution, execution.getProcessBusinessKey());
    }
}
