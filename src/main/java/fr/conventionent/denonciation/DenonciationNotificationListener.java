package fr.conventionent.denonciation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Notifier la dénonciation": the notification date is checked on the server (or the dénonciation abandoned). */
@Component("denonciationNotificationListener")
public class DenonciationNotificationListener implements TaskListener {

    private final Denonciations denonciations;

    public DenonciationNotificationListener(Denonciations denonciations) {
        this.denonciations = denonciations;
    }

    @Override
    public void notify(DelegateTask task) {
        denonciations.checkNotification(task);
    }
}
