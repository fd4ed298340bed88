package fr.conventionent.convention;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
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

/**
 * The upgrade to the convention record: at start-up, every convention, running or ended, that has no record yet
 * (it was created by an earlier release, when its data lived in process variables only) gets one, built from its
 * variables: each signed version from {@code versions}, and the text in preparation. Idempotent, and safe when
 * several nodes start together; nothing to do on later starts.
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
            ConventionVariables.VERSIONS};

    private final HistoryService historyService;
    private final ConventionRecords records;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public ConventionRecordBackfill(HistoryService historyService, ConventionRecords records, JdbcTemplate jdbc,
                                    PlatformTransactionManager transactionManager) {
        this.historyService = historyService;
        this.records = records;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        Set<String> known = new HashSet<>(jdbc.queryForList("select numero from convention", String.class));
        int added = 0;
        for (HistoricProcessInstance convention : historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ConventionProcess.KEY).list()) {
            String numero = convention.getBusinessKey();
            if (numero == null || known.contains(numero)) {
                continue;
            }
            try {
                transaction.executeWithoutResult(status -> add(numero, convention));
                added++;
            } catch (DataIntegrityViolationException e) {
                LOG.debug("Convention {} déjà reprise par un autre nœud", numero);
            }
        }
        if (added > 0) {
            LOG.info("Données des conventions : {} convention(s) reprise(s) des variables des processus", added);
        }
    }

    private void add(String numero, HistoricProcessInstance convention) {
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
        records.open(numero, insee, convention.getEndTime() == null ? convention.getId() : null);
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
}
