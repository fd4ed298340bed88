package fr.conventionent.convention;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.conventionent.identity.Commune;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.ConventionDataMapper;
import fr.conventionent.kernel.ConventionDates;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.JsonVariables;

/**
 * The upgrade to the convention record: at start-up, every convention, running or ended, that has no record yet
 * (it was created by an earlier release, when its data lived in process variables only) gets one, built from its
 * variables: each signed version from {@code versions}, the text in preparation, and where it stands in its life
 * (status, term, step, comité, last AAF delivery). Idempotent, and safe when several nodes start together; nothing
 * to do on later starts.
 */
@Component
@Order(3)
public class ConventionRecordBackfill implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ConventionRecordBackfill.class);
    /** The variables that held a convention's data before its record existed. */
    private static final String[] DATA = {ConventionVariables.COMMUNE_INSEE, ConventionVariables.COMMUNE_NOM,
            ConventionVariables.COMMUNE_ADRESSE, ConventionVariables.MAIRE_NOM, ConventionVariables.ECOLES,
            ConventionVariables.REFERENT_ENT, ConventionVariables.CORRESPONDANTS_TECHNIQUES,
            ConventionVariables.EDITEUR_ENT, ConventionVariables.EXPLOITANT_ENT, ConventionVariables.VERSION,
            ConventionVariables.VERSIONS, ConventionVariables.COMMUNE_LIBELLE, ConventionVariables.DEPARTEMENT,
            ConventionVariables.CIRCONSCRIPTION, ConventionVariables.STATUT, ConventionVariables.DATE_SIGNATURE,
            ConventionVariables.DATE_DEBUT_PERIODE, ConventionVariables.DATE_FIN_EXCLUSIVE, LegacyDateVariables.DATE_FIN,
            ConventionVariables.NUMERO_COMITE};

    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ConventionRecords records;
    private final ConventionLife life;
    private final ConventionDates dates;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public ConventionRecordBackfill(HistoryService historyService, RuntimeService runtimeService,
                                    TaskService taskService,
                                    ConventionRecords records, ConventionLife life, ConventionDates dates,
                                    JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.dates = dates;
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.records = records;
        this.life = life;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        Set<String> known = new HashSet<>(jdbc.queryForList("select numero from convention", String.class));
        Set<String> withoutStanding = new HashSet<>(jdbc.queryForList("select numero from convention"
                + " where statut is null", String.class));
        int added = 0;
        for (HistoricProcessInstance convention : historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ConventionProcess.KEY).list()) {
            String numero = convention.getBusinessKey();
            if (numero == null || known.contains(numero) && !withoutStanding.contains(numero)) {
                continue;
            }
            try {
                transaction.executeWithoutResult(status -> add(numero, convention, !known.contains(numero)));
                added++;
            } catch (DataIntegrityViolationException e) {
                LOG.debug("Convention {} déjà reprise par un autre nœud", numero);
            }
        }
        if (added > 0) {
            LOG.info("Données des conventions : {} convention(s) reprise(s) des variables des processus", added);
        }
    }

    private void add(String numero, HistoricProcessInstance convention, boolean withVersions) {
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(convention.getId()).variableNameIn(DATA).list()) {
            if (convention.getId().equals(variable.getExecutionId())) {
                variables.put(variable.getName(), variable.getValue());
            }
        }
        String insee = (String) variables.get(ConventionVariables.COMMUNE_INSEE);
        if (insee == null) {
            return;
        }
        boolean running = convention.getEndTime() == null;
        if (withVersions) {
            records.open(numero, new Commune(insee, text(variables.get(ConventionVariables.COMMUNE_LIBELLE)), null,
                    null, null), running ? convention.getId() : null);
            addVersions(numero, variables);
        }
        restoreStanding(numero, convention, variables, running);
    }

    private void addVersions(String numero, Map<String, Object> variables) {
        List<Map<String, Object>> versions = ConventionVersions.read(variables.get(ConventionVariables.VERSIONS));
        for (Map<String, Object> version : versions) {
            ConventionData data = JsonVariables.readObject(version.get("donnees"), ConventionData.class);
            if (data != null) {
                records.recordSigned(numero, ((Number) version.get("version")).intValue(),
                        LocalDate.parse(version.get("depuis").toString()), String.valueOf(version.get("origine")), data);
            }
        }
        Object current = variables.get(ConventionVariables.VERSION);
        boolean completed = variables.get(ConventionVariables.COMMUNE_NOM) != null;
        if (versions.isEmpty() && completed && current instanceof Number version) {
            records.saveDraft(numero, version.intValue(), ConventionDataMapper.read(variables));
        }
    }

    private void restoreStanding(String numero, HistoricProcessInstance convention, Map<String, Object> variables,
                                 boolean running) {
        String nom = text(variables.get(ConventionVariables.COMMUNE_NOM));
        Object version = variables.get(ConventionVariables.VERSION);
        life.restore(numero, new ConventionLife.Standing(nom.isBlank()
                ? text(variables.get(ConventionVariables.COMMUNE_LIBELLE)) : nom,
                (String) variables.get(ConventionVariables.DEPARTEMENT),
                (String) variables.get(ConventionVariables.CIRCONSCRIPTION),
                (String) variables.get(ConventionVariables.STATUT),
                day(variables.get(ConventionVariables.DATE_SIGNATURE)),
                day(variables.get(ConventionVariables.DATE_DEBUT_PERIODE)),
                day(variables.getOrDefault(ConventionVariables.DATE_FIN_EXCLUSIVE,
                        variables.get(LegacyDateVariables.DATE_FIN))),
                version instanceof Number number ? number.intValue() : 1));
        if (HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(convention.getState())) {
            life.status(numero, ConventionLife.STATUT_ANNULEE);
        }
        if (!running) {
            return;
        }
        currentStep(numero).ifPresent(task -> life.stepReached(convention.getId(), task.getName(), task.getCreateTime()));
        nextCommittee(numero, variables).ifPresent(day -> life.committee(numero, day));
        runtimeService.createProcessInstanceQuery().processDefinitionKey(ConventionProcess.AAF_DELIVERY_KEY)
                .processInstanceBusinessKey(numero).list().stream().findFirst()
                .map(delivery -> runtimeService.getVariable(delivery.getId(), ConventionProcess.AAF_LAST_DELIVERY))
                .map(JsonVariables::read)
                .ifPresent(report -> life.aafDelivered(numero, report.hasNonNull("executeeLe")
                        ? OffsetDateTime.parse(report.get("executeeLe").asText()) : null,
                        report.path("resultat").asText(null), report.path("resume").asText("")));
    }

    /**
     * The comité de pilotage to come: the date it is convened for, else the date it is due (what its timer waits
     * for, or waited for if it is being convened now).
     */
    private Optional<LocalDate> nextCommittee(String numero, Map<String, Object> variables) {
        Object convened = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ConventionProcess.STEERING_COMMITTEE_KEY).processInstanceBusinessKey(numero)
                .list().stream().findFirst()
                .map(comite -> runtimeService.getVariable(comite.getId(), ConventionProcess.STEERING_COMMITTEE_DATE))
                .orElse(null);
        if (convened instanceof Date date) {
            return Optional.of(ConventionDates.toLocalDate(date));
        }
        LocalDate signature = day(variables.get(ConventionVariables.DATE_SIGNATURE));
        if (signature == null || !ConventionProcess.STATUT_EN_VIGUEUR.equals(variables.get(ConventionVariables.STATUT))
                || !(variables.get(ConventionVariables.NUMERO_COMITE) instanceof Number n)) {
            return Optional.empty();
        }
        return Optional.of(dates.comite(signature, n.intValue()));
    }

    /** The latest open task of the convention itself or of its circuit. */
    private Optional<Task> currentStep(String numero) {
        return taskService.createTaskQuery().processInstanceBusinessKey(numero).list().stream()
                .filter(task -> task.getProcessDefinitionId().startsWith(ConventionProcess.KEY + ":")
                        || task.getProcessDefinitionId().startsWith(ConventionProcess.SIGNATURE_CIRCUIT_KEY + ":"))
                .max(Comparator.comparing(Task::getCreateTime));
    }

    private static LocalDate day(Object date) {
        return date instanceof Date day ? ConventionDates.toLocalDate(day) : null;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
