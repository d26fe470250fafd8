package org.usm.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;

/**
 * Reads what a user's engine command carries (the task, the variables) where the engine offers no getter.
 * Every field read is declared in {@link #READ}, and a unit test checks each against the engine on the
 * class path, so that an engine upgrade that renames one fails the build instead of opening a way in.
 */
final class CommandFields {

  private CommandFields() {}

  /** A field of an engine command class that the guard reads. */
  record Read(String commandClass, String field) {}

  static final List<Read> READ = List.of(
      new Read("org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd", "taskId"),
      new Read("org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd", "variables"),
      new Read("org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd", "taskId"),
      new Read("org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd", "properties"),
      new Read("org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd", "taskId"),
      new Read("org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd", "taskId"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd", "taskId"),
      new Read("org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd", "taskId"),
      new Read("org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd", "taskId"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd", "entityId"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd", "variables"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd", "variableNames"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd", "entityId"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd", "variables"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd", "deletions"),
      new Read("org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd", "instantiationBuilder"),
      new Read("org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd", "instantiationBuilder"),
      new Read("org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd", "processDefinitionId"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd", "builder"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd", "builder"),
      new Read("org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd", "executionId"),
      new Read("org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd", "processVariables"),
      new Read("org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd", "processVariablesLocal"),
      new Read("org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd", "processVariablesToTriggeredScope"),
      new Read("org.camunda.bpm.engine.impl.cmd.SignalCmd", "executionId"),
      new Read("org.camunda.bpm.engine.impl.cmd.SignalCmd", "processVariables"),
      new Read("org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd", "builder"),
      new Read("org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd", "builder"),
      new Read("org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd", "executionBuilder"),
      new Read("org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCmd", "processInstanceId"),
      new Read("org.camunda.bpm.engine.impl.cmd.DeleteProcessInstancesCmd", "processInstanceIds"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractDeleteProcessInstanceCmd", "deleteReason"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractSetProcessInstanceStateCmd", "processInstanceId"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractSetProcessInstanceStateCmd", "processDefinitionId"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractSetProcessInstanceStateCmd", "processDefinitionKey"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractSetProcessDefinitionStateCmd", "processDefinitionId"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractSetProcessDefinitionStateCmd", "processDefinitionKey"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd", "jobDefinitionId"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd", "processDefinitionId"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd", "processDefinitionKey"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd", "jobId"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd", "jobDefinitionId"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd", "processInstanceId"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd", "processDefinitionId"),
      new Read("org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd", "processDefinitionKey"),
      new Read("org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd", "jobId"),
      new Read("org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd", "jobIds"),
      new Read("org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd", "jobDefinitionId"),
      new Read("org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd", "jobId"),
      new Read("org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd", "jobId"),
      new Read("org.camunda.bpm.engine.impl.cmd.DeleteJobCmd", "jobId"),
      new Read("org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd", "jobId"),
      new Read("org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd", "deploymentId"),
      new Read("org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd", "processDefinitionIds"),
      new Read("org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd", "processDefinitionKey"),
      new Read("org.camunda.bpm.engine.impl.cmd.UpdateProcessDefinitionHistoryTimeToLiveCmd", "processDefinitionId"),
      new Read("org.camunda.bpm.engine.impl.cmd.UpdateDecisionDefinitionHistoryTimeToLiveCmd", "decisionDefinitionId"),
      new Read("org.camunda.bpm.engine.impl.cmd.SaveFilterCmd", "filter"));

  private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

  /** The value of a declared field of the command, looked up in the command's class and its superclasses. */
  @SuppressWarnings("unchecked")
  static <V> V read(Object command, String field) {
    Field found = FIELDS.computeIfAbsent(command.getClass().getName() + "#" + field, key -> find(command.getClass(), field));
    try {
      return (V) found.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + field + " of " + command.getClass().getName(), e);
    }
  }

  /** What a modification instruction does, in the engine's own words ("Start before activity 'C4_...'"). */
  static String describe(AbstractProcessInstanceModificationCommand operation) {
    try {
      Method describe = AbstractProcessInstanceModificationCommand.class.getDeclaredMethod("describe");
      describe.setAccessible(true);
      return (String) describe.invoke(operation);
    } catch (ReflectiveOperationException e) {
      return operation.getClass().getSimpleName();
    }
  }

  static Field find(Class<?> type, String field) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(field);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        // declared higher up
      }
    }
    throw new IllegalStateException(type.getName() + " has no field " + field
        + ": the engine changed; update CommandFields and the guard that reads it");
  }
}
