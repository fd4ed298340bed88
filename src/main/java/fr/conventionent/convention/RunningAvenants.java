package fr.conventionent.convention;

import static fr.conventionent.kernel.ConventionVariables.*;
import static fr.conventionent.notification.MailTemplates.variables;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.EngineAuthorization;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;
import fr.conventionent.notification.MailTemplates;

/**
 * An avenant still running when its convention is dénoncée, résiliée or closed is cancelled (with
 * its signature circuit and tasks), and both parties are told why: there is nothing left to amend.
 * See docs/cycle-de-vie.md, « Dénonciation pendant un avenant ».
 */
@Component
public class RunningAvenants {

    /** Process key of bpmn/avenant.bpmn. */
    public static final String AVENANT_KEY = "avenant";
    public static final String AVENANT_NUMERO = "avenantNumero";
    public static final String AVENANT_OBJET = "objetAvenant";

    private final ConventionRegistry registry;
    private final RuntimeService runtimeService;
    private final EngineAuthorization engineAuthorization;
    private final MailQueue mailQueue;
    private final MailTemplates templates;
    private final ConventionRecipients recipients;

    public RunningAvenants(ConventionRegistry registry, RuntimeService runtimeService,
                           EngineAuthorization engineAuthorization, MailQueue mailQueue, MailTemplates templates,
                           ConventionRecipients recipients) {
        this.registry = registry;
        this.runtimeService = runtimeService;
        this.engineAuthorization = engineAuthorization;
        this.mailQueue = mailQueue;
        this.templates = templates;
        this.recipients = recipients;
    }

    /**
     * @param why        completes "L'avenant … est annulé : " (e.g. "la convention a été dénoncée le 3 mars 2027")
     * @param convention variables giving the recipients (the convention or a procedure about it)
     * @return how many avenants were cancelled
     */
    public int cancel(String numero, String why, VariableScope convention) {
        return cancel(numero, why, () -> recipients.bothParties(convention));
    }

    /** The same, for a recorded convention: the parties are told through its record. */
    public int cancel(ConventionRef convention, String why) {
        return cancel(convention.numero(), why, () -> recipients.bothParties(convention));
    }

    private int cancel(String numero, String why, Supplier<List<String>> parties) {
        List<String> running = registry.running(AVENANT_KEY, numero);
        for (String avenantId : running) {
            Object number = engineAuthorization.withoutChecks(() -> runtimeService.getVariable(avenantId, AVENANT_NUMERO));
            Object object = engineAuthorization.withoutChecks(() -> runtimeService.getVariable(avenantId, AVENANT_OBJET));
            registry.cancel(avenantId, "Avenant annulé : " + why);
            mailQueue.enqueue(numero, new Mail(parties.get(), templates.render("avenant-annule",
                    variables("numero", numero, "avenantNumero", number, "objet", object, "motif", why))));
        }
        return running.size();
    }
}
