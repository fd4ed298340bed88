package fr.conventionent.convention;

import static fr.conventionent.kernel.ConventionVariables.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.Commune;
import fr.conventionent.identity.CommuneDirectory;
import fr.conventionent.identity.EngineAuthorization;
import fr.conventionent.identity.InstanceAccess;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.Groups;
import fr.conventionent.kernel.InvalidSubmissionException;

/**
 * A new convention: checks who asks for which commune, numbers it, routes it (département,
 * circonscription) and lets the commune's group read it.
 */
@Component("startConventionListener")
public class StartConventionListener implements ExecutionListener {

    private final CommuneDirectory communes;
    private final UserDirectory users;
    private final ConventionNumbering numbering;
    private final InstanceAccess instanceAccess;
    private final RuntimeService runtimeService;
    private final EngineAuthorization engineAuthorization;
    private final ConventionRecords records;

    public StartConventionListener(CommuneDirectory communes, UserDirectory users, ConventionNumbering numbering,
                                   InstanceAccess instanceAccess, RuntimeService runtimeService,
                                   EngineAuthorization engineAuthorization, ConventionRecords records) {
        this.communes = communes;
        this.users = users;
        this.numbering = numbering;
        this.instanceAccess = instanceAccess;
        this.runtimeService = runtimeService;
        this.engineAuthorization = engineAuthorization;
        this.records = records;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String insee = execution.getVariable(COMMUNE_INSEE) == null ? ""
                : execution.getVariable(COMMUNE_INSEE).toString().trim().toUpperCase();
        if (!FrenchFormats.isInsee(insee)) {
            throw new InvalidSubmissionException("Le code INSEE « " + insee
                    + " » n'est pas valide : 5 caractères, par exemple 78646 pour Versailles.");
        }
        Commune commune = communes.find(insee).orElseThrow(() -> new InvalidSubmissionException(
                "La commune de code INSEE " + insee + " ne fait pas partie des communes de l'académie."));
        checkInitiatorMayActFor(insee);
        refuseSecondConvention(insee);

        String numero = numbering.next(insee);
        execution.setProcessBusinessKey(numero);
        execution.setVariable(COMMUNE_INSEE, insee);
        execution.setVariable(CONVENTION_NUMERO, numero);
        execution.setVariable(COMMUNE_LIBELLE, commune.nom());
        execution.setVariable(DEPARTEMENT, commune.departement());
        execution.setVariable(CIRCONSCRIPTION, commune.circonscription());
        execution.setVariable(VERSION, 1);
        execution.setVariable(STATUT, ConventionProcess.STATUT_EN_PREPARATION);
        execution.setVariable(INITIATEUR, users.currentUserId());
        instanceAccess.grantRead(Groups.commune(insee), execution.getProcessInstanceId());
        records.open(numero, commune, execution.getProcessInstanceId());
    }

    /** A commune acts for itself only; DACES (and administrators) for any commune. */
    private void checkInitiatorMayActFor(String insee) {
        String userId = users.currentUserId();
        if (userId == null) {
            return; // started by the application itself (demo data, campaign, tests of the engine)
        }
        var groups = users.currentGroupIds();
        if (groups.contains(Groups.DACES) || groups.contains(Groups.ADMIN) || groups.contains(Groups.commune(insee))) {
            return;
        }
        throw new InvalidSubmissionException("Vous ne pouvez pas ouvrir une convention pour la commune "
                + insee + " : seuls ses propres agents et la DACES le peuvent.");
    }

    private void refuseSecondConvention(String insee) {
        long running = engineAuthorization.withoutChecks(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ConventionProcess.KEY).variableValueEquals(COMMUNE_INSEE, insee).count());
        if (running > 0) {
            throw new InvalidSubmissionException("Une convention est déjà en cours pour la commune " + insee
                    + " : complétez-la ou dénoncez-la plutôt que d'en ouvrir une seconde.");
        }
    }
}
