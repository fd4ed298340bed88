package fr.conventionent.charter;

import static fr.conventionent.charter.UsersCharterProcess.*;
import static fr.conventionent.kernel.ConventionVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.convention.ConventionRef;
import fr.conventionent.convention.ConventionRegistry;
import fr.conventionent.identity.EngineAuthorization;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.Ecole;
import fr.conventionent.kernel.InvalidSubmissionException;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.kernel.SubmittedDates;

/**
 * Article 5: a model users' charter, to be adopted by each school's conseil d'école. The
 * convention keeps, in {@code chartes}, every school of Annexe 1 with the day its conseil d'école
 * adopted the charter; a {@code charte-utilisateurs} instance runs while a school has not, and
 * asks the commune (on the schools' behalf) to record the adoptions. An avenant that adds schools
 * adds them here, and starts the follow-up again if it had ended.
 */
@Component
public class UsersCharter {

    /** What a {@code charte-utilisateurs} instance is started with, from its convention. */
    static final List<String> STARTED_WITH = List.of(CONVENTION_NUMERO, COMMUNE_INSEE, COMMUNE_LIBELLE);

    private final ConventionRegistry registry;
    private final RuntimeService runtimeService;
    private final EngineAuthorization engineAuthorization;
    private final ConventionRecords records;

    public UsersCharter(ConventionRegistry registry, RuntimeService runtimeService,
                        EngineAuthorization engineAuthorization, ConventionRecords records) {
        this.records = records;
        this.registry = registry;
        this.runtimeService = runtimeService;
        this.engineAuthorization = engineAuthorization;
    }

    /** The convention comes into force: every school of Annexe 1 is to adopt the charter. */
    public void request(VariableScope convention, String numero) {
        if (convention.getVariable(CHARTES) == null) {
            List<SchoolCharter> chartes = new ArrayList<>();
            for (Ecole ecole : records.current(numero).map(ConventionData::ecoles).orElse(List.of())) {
                chartes.add(new SchoolCharter(ecole.uai(), ecole.nom(), null));
            }
            convention.setVariable(CHARTES, JsonVariables.write(chartes));
        }
        Map<String, Object> summary = new HashMap<>();
        STARTED_WITH.forEach(name -> summary.put(name, convention.getVariable(name)));
        ensureRunning(numero, read(convention.getVariable(CHARTES)), summary);
    }

    /** An avenant changed Annexe 1: added schools are to adopt the charter, removed ones are no longer followed. */
    public void schoolsChanged(ConventionRef convention, List<Ecole> added, Collection<String> removedUais) {
        List<SchoolCharter> chartes = new ArrayList<>(read(registry.variable(convention, CHARTES)));
        chartes.removeIf(charter -> removedUais.contains(charter.uai()) && !charter.adopted());
        for (Ecole ecole : added) {
            if (chartes.stream().noneMatch(charter -> charter.uai().equals(ecole.uai()))) {
                chartes.add(new SchoolCharter(ecole.uai(), ecole.nom(), null));
            }
        }
        registry.set(convention, CHARTES, JsonVariables.write(chartes));
        if (!added.isEmpty()) {
            ensureRunning(convention.numero(), chartes, registry.variables(convention, STARTED_WITH));
        }
    }

    /** Task creation: the schools still waiting, each with an empty adoption date. */
    public void showPending(DelegateTask task) {
        List<SchoolCharter> pending = pending(conventionOf(task));
        task.getExecution().setVariable(ECOLES_CHARTE, JsonVariables.write(pending));
        task.getExecution().setVariable(ECOLES_EN_ATTENTE, JsonVariables.write(pending));
    }

    /** Task completion: the adoption dates entered, checked, recorded on the convention. */
    public void recordAdoptions(DelegateTask task) {
        ConventionRef convention = conventionOf(task);
        List<SchoolCharter> shown = read(task.getVariable(ECOLES_EN_ATTENTE));
        List<SchoolCharter> submitted = read(task.getVariable(ECOLES_CHARTE));
        Map<String, String> adoptions = new LinkedHashMap<>();
        for (int i = 0; i < submitted.size() && i < shown.size(); i++) {
            SchoolCharter school = shown.get(i);
            String label = "La date d'adoption par l'école " + school.nom() + " (" + school.uai() + ")";
            LocalDate date = SubmittedDates.optional(submitted.get(i).dateAdoption(), label);
            if (date != null) {
                adoptions.put(school.uai(), SubmittedDates.notInFuture(date, label).toString());
            }
        }
        if (adoptions.isEmpty()) {
            throw new InvalidSubmissionException("Indiquez la date d'adoption de la charte pour au moins une école :"
                    + " les écoles sans date restent à suivre.");
        }
        List<SchoolCharter> chartes = new ArrayList<>();
        for (SchoolCharter charter : read(registry.variable(convention, CHARTES))) {
            String date = adoptions.get(charter.uai());
            chartes.add(date != null && !charter.adopted() ? new SchoolCharter(charter.uai(), charter.nom(), date)
                    : charter);
        }
        registry.set(convention, CHARTES, JsonVariables.write(chartes));
        task.setVariable(TOUTES_ADOPTEES, chartes.stream().allMatch(SchoolCharter::adopted));
        task.getExecution().removeVariable(ECOLES_EN_ATTENTE);
    }

    public List<SchoolCharter> pending(String numero) {
        return pending(registry.get(numero));
    }

    public List<SchoolCharter> pending(ConventionRef convention) {
        return read(registry.variable(convention, CHARTES)).stream().filter(charter -> !charter.adopted()).toList();
    }

    /** Starts the follow-up if a school is waiting and none runs (one per convention at a time). */
    private void ensureRunning(String numero, List<SchoolCharter> chartes, Map<String, Object> convention) {
        boolean waiting = chartes.stream().anyMatch(charter -> !charter.adopted());
        if (!waiting || !registry.running(KEY, numero).isEmpty()) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        for (String name : STARTED_WITH) {
            variables.put(name, convention.get(name));
        }
        variables.put(CONVENTION_NUMERO, numero);
        engineAuthorization.withoutChecks(() -> runtimeService.startProcessInstanceByKey(KEY, numero, variables));
    }

    private ConventionRef conventionOf(DelegateTask task) {
        return registry.get(task.getExecution().getProcessBusinessKey());
    }

    static List<SchoolCharter> read(Object json) {
        return JsonVariables.readList(json, SchoolCharter.class);
    }
}
