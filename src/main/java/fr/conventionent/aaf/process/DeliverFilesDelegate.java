package fr.conventionent.aaf.process;

import fr.conventionent.aaf.AafFileType;
import fr.conventionent.convention.ConventionLife;
import fr.conventionent.kernel.JsonVariables;
import static fr.conventionent.aaf.process.LivraisonAafProcess.*;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * One scheduled run: delivers the day's extraction ({@link AafDeliveryRunner}), records the report, mails the
 * reasons of a refusal. An SFTP failure throws: the job is retried with back-off, then becomes an incident.
 */
@Component("deliverAafFilesDelegate")
public class DeliverFilesDelegate implements JavaDelegate {

    private final AafDeliveryRunner runner;
    private final AafDeliverySchedule schedule;
    private final AafRunHistory history;
    private final AafDeliveryMails mails;
    private final AafDeliveries deliveries;
    private final ConventionLife life;
    private final AafRunLog runLog;

    public DeliverFilesDelegate(AafDeliveryRunner runner, AafDeliverySchedule schedule, AafRunHistory history,
                                AafDeliveryMails mails, AafDeliveries deliveries, ConventionLife life,
                                AafRunLog runLog) {
        this.life = life;
        this.runLog = runLog;
        this.runner = runner;
        this.schedule = schedule;
        this.history = history;
        this.mails = mails;
        this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String numero = execution.getProcessBusinessKey();
        if (deliveries.targetToConfirm(execution)) {
            // deliveries of an earlier definition miss the change of operator: never send to the former target
            throw new AafDeliveryFailedException("Livraison suspendue : un avenant a changé l'exploitant ou ses"
                    + " correspondants ; la DSI doit confirmer la nouvelle cible (migrer l'instance vers la dernière"
                    + " version du processus, qui lui en confie la tâche).");
        }
        AafDeliverySettings settings = AafDeliverySettings.from(execution::getVariable);
        AafSchedule.Run run = schedule.scheduledRun(execution, settings.schedule());

        AafRunReport report = runner.run(numero, settings, run, deliveries.annexScope(execution).orElse(null));
        if (report.structures() != null) {
            execution.setVariable(STRUCTURES_LIVREES, JsonVariables.write(report.structures()));
        }

        history.record(execution, report);
        life.aafDelivered(numero, report.ranAt().toOffsetDateTime(), report.result().code(), report.summary());
        runLog.ended(numero, java.util.Date.from(report.ranAt().toInstant()), report.result(),
                report.uaisOutsideAnnex());
        execution.setVariable(DERNIERE_LIVRAISON_PREVUE, run.asDate());
        switch (report.result()) {
            case REFUSE -> mails.refused(execution, numero, settings, report);
            case AUCUN_FICHIER -> {
                if (run.type() == AafFileType.COMPLET) {
                    mails.completMissing(execution, numero, settings, report);
                }
            }
            default -> {
                // sent, or already sent by an earlier attempt: nothing to tell
            }
        }
    }
}
