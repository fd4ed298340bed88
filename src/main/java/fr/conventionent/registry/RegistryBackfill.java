package fr.conventionent.registry;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.signature.SignatureCircuitProcess;

/**
 * At start-up, adds to the registry every running convention it does not know yet: conventions started before the
 * registry existed (an upgrade) keep appearing in it. Idempotent; nothing to do on later starts.
 */
@Component
@Order(4)
public class RegistryBackfill implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryBackfill.class);

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final ProcessEngineConfigurationImpl configuration;
    private final JdbcTemplate jdbc;
    private final RegistryWriter writer;
    private final RegistryRowMapper rows;

    public RegistryBackfill(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
                            ProcessEngineConfiguration configuration, JdbcTemplate jdbc, RegistryWriter writer,
                            RegistryRowMapper rows) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.configuration = (ProcessEngineConfigurationImpl) configuration;
        this.jdbc = jdbc;
        this.writer = writer;
        this.rows = rows;
    }

    @Override
    public void run(ApplicationArguments args) {
        Set<String> known = new HashSet<>(jdbc.queryForList("SELECT process_instance_id FROM registre_convention",
                String.class));
        List<ProcessInstance> missing = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ConventionProcess.KEY).list().stream()
                .filter(instance -> !known.contains(instance.getId())).toList();
        for (ProcessInstance convention : missing) {
            try {
                add(convention);
            } catch (org.springframework.dao.DataIntegrityViolationException e) {
                // another node starting at the same time added it first
                LOG.debug("Convention {} déjà ajoutée au registre par un autre nœud", convention.getBusinessKey());
            }
        }
        if (!missing.isEmpty()) {
            LOG.info("Registre des conventions : {} convention(s) en cours ajoutée(s)", missing.size());
        }
    }

    private void add(ProcessInstance convention) {
        configuration.getCommandExecutorTxRequired().execute(context -> {
            ExecutionEntity execution = context.getExecutionManager().findExecutionById(convention.getId());
            var columns = rows.conventionColumns(execution);
            writer.update(convention.getId(), row -> {
                row.setAll(columns);
                currentStep(convention.getBusinessKey()).ifPresent(task -> {
                    row.set("etape", task.getName());
                    row.set("etape_depuis", task.getCreateTime());
                });
                Job comite = managementService.createJobQuery().processInstanceId(convention.getId())
                        .activityId(ConventionProcess.TIMER_STEERING_COMMITTEE).singleResult();
                if (comite != null) {
                    row.set("prochain_comite", RegistryRowMapper.sqlDay(comite.getDuedate()));
                }
            });
            runtimeService.createProcessInstanceQuery().processDefinitionKey(ConventionProcess.AAF_DELIVERY_KEY)
                    .processInstanceBusinessKey(convention.getBusinessKey()).list().stream().findFirst()
                    .map(delivery -> (org.camunda.bpm.engine.delegate.VariableScope) context.getExecutionManager()
                            .findExecutionById(delivery.getId()))
                    .flatMap(rows::aafColumns)
                    .ifPresent(aaf -> writer.updateByNumero(convention.getBusinessKey(), aaf));
            return null;
        });
    }

    /** The latest open task of the convention itself or of its circuit. */
    private java.util.Optional<Task> currentStep(String numero) {
        return taskService.createTaskQuery().processInstanceBusinessKey(numero).list().stream()
                .filter(task -> task.getProcessDefinitionId().startsWith(ConventionProcess.KEY + ":")
                        || task.getProcessDefinitionId().startsWith(SignatureCircuitProcess.KEY + ":"))
                .max(Comparator.comparing(Task::getCreateTime));
    }
}
