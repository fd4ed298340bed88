package fr.conventionent.config.guard;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.form.entity.CamundaFormDefinitionManager;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Finds the form a task or a process start shows, in the deployment of its process definition (forms are versioned
 * with the deployment), and reads its fields. Deployed resources never change: their fields are kept once read.
 */
final class DeployedForms {

    private static final String EMBEDDED_DEPLOYMENT = "embedded:deployment:";
    private static final String CAMUNDA_FORMS_DEPLOYMENT = "camunda-forms:deployment:";

    private final Map<String, FormFields> byResource = new ConcurrentHashMap<>();

    /** The fields of a user task's form; none for a task without a form (nothing may be sent with it). */
    FormFields ofTask(CommandContext context, String processDefinitionId, String taskDefinitionKey) {
        ModelElementInstance element = model(context, processDefinitionId).getModelElementById(taskDefinitionKey);
        if (!(element instanceof UserTask task)) {
            return FormFields.NONE;
        }
        return fields(context, definition(context, processDefinitionId), task.getCamundaFormKey(),
                task.getCamundaFormRef(), task.getCamundaFormRefBinding(), task.getCamundaFormRefVersion());
    }

    /** The fields of the start form of a process (its plain start event at process level). */
    FormFields ofStart(CommandContext context, String processDefinitionId) {
        for (StartEvent start : model(context, processDefinitionId).getModelElementsByType(StartEvent.class)) {
            if (start.getParentElement() instanceof Process && start.getEventDefinitions().isEmpty()) {
                return fields(context, definition(context, processDefinitionId), start.getCamundaFormKey(),
                        start.getCamundaFormRef(), start.getCamundaFormRefBinding(), start.getCamundaFormRefVersion());
            }
        }
        return FormFields.NONE;
    }

    private static BpmnModelInstance model(CommandContext context, String processDefinitionId) {
        return context.getProcessEngineConfiguration().getDeploymentCache()
                .findBpmnModelInstanceForProcessDefinition(processDefinitionId);
    }

    private static ProcessDefinitionEntity definition(CommandContext context, String processDefinitionId) {
        return context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(processDefinitionId);
    }

    private FormFields fields(CommandContext context, ProcessDefinitionEntity process, String formKey, String formRef,
                              String binding, String version) {
        if (formRef != null && !formRef.isBlank()) {
            CamundaFormDefinitionEntity form = camundaForm(context.getCamundaFormDefinitionManager(), process,
                    formRef, binding, version);
            return form == null ? FormFields.NONE
                    : resource(context, form.getDeploymentId(), form.getResourceName(), false);
        }
        if (formKey == null || formKey.isBlank()) {
            return FormFields.NONE;
        }
        if (formKey.startsWith(EMBEDDED_DEPLOYMENT)) {
            return resource(context, process.getDeploymentId(), formKey.substring(EMBEDDED_DEPLOYMENT.length()), true);
        }
        if (formKey.startsWith(CAMUNDA_FORMS_DEPLOYMENT)) {
            return resource(context, process.getDeploymentId(),
                    formKey.substring(CAMUNDA_FORMS_DEPLOYMENT.length()), false);
        }
        return FormFields.NONE; // an external page: nothing of ours may be sent through it
    }

    private static CamundaFormDefinitionEntity camundaForm(CamundaFormDefinitionManager forms,
                                                           ProcessDefinitionEntity process, String key,
                                                           String binding, String version) {
        if ("deployment".equals(binding)) {
            return forms.findDefinitionByDeploymentAndKey(process.getDeploymentId(), key);
        }
        if ("version".equals(binding) && version != null) {
            return forms.findDefinitionByKeyVersionAndTenantId(key, Integer.valueOf(version), process.getTenantId());
        }
        return forms.findLatestDefinitionByKeyAndTenantId(key, process.getTenantId());
    }

    private FormFields resource(CommandContext context, String deploymentId, String name, boolean html) {
        return byResource.computeIfAbsent(deploymentId + "/" + name, key -> {
            ResourceEntity resource = context.getResourceManager()
                    .findResourceByDeploymentIdAndResourceName(deploymentId, name);
            if (resource == null) {
                return FormFields.NONE;
            }
            return html ? EmbeddedFormReader.read(resource.getBytes()) : CamundaFormReader.read(resource.getBytes());
        });
    }
}
