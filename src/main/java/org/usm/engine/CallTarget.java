package org.usm.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.usm.model.UsmProcess;

/**
 * What a user's command acts on, resolved inside the command's own context (the entities it loads are
 * the ones the command then works with): the process and, for a call, its tracking number.
 *
 * @param processKey the key of the process definition, for example {@code usm-change}
 * @param step the task's step, for example {@code C5_TestAndRelease}; null for other targets
 * @param formId the Camunda Form the task shows; null for other targets
 * @param timerDueBefore for a timer job, whether it is not due yet
 */
public record CallTarget(String trackingNumber, String processKey, String processInstanceId, String step,
    String formId, boolean timerDueBefore) {

  public boolean isCall() {
    return isProductKey(processKey);
  }

  public static boolean isProductKey(String key) {
    return key != null && key.startsWith(UsmProcess.PRODUCT_KEY_PREFIX);
  }

  /** The target of a task command; null when there is no such task (the command fails on its own). */
  static CallTarget ofTask(CommandContext context, String taskId) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null || task.getProcessDefinitionId() == null) {
      return null;
    }
    String formId = task.getTaskDefinition() == null || task.getTaskDefinition().getCamundaFormDefinitionKey() == null
        ? null : task.getTaskDefinition().getCamundaFormDefinitionKey().getExpressionText();
    return new CallTarget(task.getProcessInstance().getBusinessKey(), key(context, task.getProcessDefinitionId()),
        task.getProcessInstanceId(), task.getTaskDefinitionKey(), formId, false);
  }

  static CallTarget ofExecution(CommandContext context, String executionId) {
    ExecutionEntity execution = executionId == null ? null : context.getExecutionManager().findExecutionById(executionId);
    if (execution == null) {
      return null;
    }
    return new CallTarget(execution.getProcessBusinessKey(), key(context, execution.getProcessDefinitionId()),
        execution.getProcessInstanceId(), null, null, false);
  }

  static CallTarget ofJob(CommandContext context, String jobId) {
    JobEntity job = jobId == null ? null : context.getJobManager().findJobById(jobId);
    if (job == null || job.getProcessInstanceId() == null) {
      return null;
    }
    CallTarget instance = ofExecution(context, job.getProcessInstanceId());
    boolean notDueYet = job instanceof TimerEntity && job.getDuedate() != null
        && job.getDuedate().after(ClockUtil.getCurrentTime());
    return instance == null ? null
        : new CallTarget(instance.trackingNumber(), job.getProcessDefinitionKey(), job.getProcessInstanceId(), null,
            null, notDueYet);
  }

  /** A call named by its tracking number only, for the trail of a refusal that names no instance. */
  static CallTarget ofBusinessKey(String trackingNumber) {
    return trackingNumber == null ? null : new CallTarget(trackingNumber, null, null, null, null, false);
  }

  /** The key of a process definition given by id, or the key itself when given by key. */
  static String definitionKey(CommandContext context, String definitionId, String definitionKey) {
    return definitionKey != null ? definitionKey : definitionId == null ? null : key(context, definitionId);
  }

  /** A key of the product among the process and decision definitions of a deployment, or null. */
  static String productKeyOfDeployment(CommandContext context, String deploymentId) {
    if (deploymentId == null) {
      return null;
    }
    java.util.stream.Stream<String> keys = java.util.stream.Stream.concat(
        context.getProcessDefinitionManager().findProcessDefinitionsByDeploymentId(deploymentId).stream()
            .map(ProcessDefinition::getKey),
        context.getDecisionDefinitionManager().findDecisionDefinitionByDeploymentId(deploymentId).stream()
            .map(org.camunda.bpm.engine.repository.DecisionDefinition::getKey));
    return keys.filter(CallTarget::isProductKey).findFirst().orElse(null);
  }

  static String decisionKey(CommandContext context, String decisionDefinitionId) {
    var decision = decisionDefinitionId == null ? null
        : context.getDecisionDefinitionManager().findDecisionDefinitionById(decisionDefinitionId);
    return decision == null ? null : decision.getKey();
  }

  static String jobDefinitionKey(CommandContext context, String jobDefinitionId) {
    var definition = jobDefinitionId == null ? null : context.getJobDefinitionManager().findById(jobDefinitionId);
    return definition == null ? null : definition.getProcessDefinitionKey();
  }

  private static String key(CommandContext context, String definitionId) {
    try {
      ProcessDefinition definition = context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(definitionId);
      return definition.getKey();
    } catch (ProcessEngineException unknownDefinition) {
      return null; // the command itself reports the unknown definition
    }
  }
}
