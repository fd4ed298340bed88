package fr.conventionent.charter;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Enregistrer l'adoption de la charte": shows the schools still waiting, then records the dates entered. */
@Component("charterAdoptionListener")
public class CharterAdoptionListener implements TaskListener {

    private final UsersCharter charter;

    public CharterAdoptionListener(UsersCharter charter) {
        this.charter = charter;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            charter.showPending(task);
        } else {
            charter.recordAdoptions(task);
        }
    }
}
