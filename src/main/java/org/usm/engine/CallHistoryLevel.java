package org.usm.engine;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.usm.model.CallVariables;

/**
 * Camunda's full history without the copies of the call's context that each call activity hands the process it
 * calls ({@link CallVariables#CALL_CONTEXT}): the call's root instance keeps those values, and two of every three
 * variable rows of a WF4 call were such copies (docs/performance.md, "History rows per call"). A copy that the
 * called process changes is recorded from its change on: the engine writes the variable's row with the update,
 * and the change stays in the task's trail.
 *
 * <p>The level keeps the id and name of {@code full}: configured as {@code full} (application.yaml), the engine takes
 * it, being the last level of that name it knows; a database written with full history starts with it; and every
 * reader of the history (the trail, Cockpit, the REST API) treats it as full.
 */
public final class CallHistoryLevel extends HistoryLevelFull {

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    return !(eventType == HistoryEventTypes.VARIABLE_INSTANCE_CREATE
        && entity instanceof VariableInstanceEntity variable && isCopiedContext(variable));
  }

  /** Full history for the engine, which asks {@code level.equals(HistoryLevel.HISTORY_LEVEL_FULL)}. */
  @Override
  public boolean equals(Object other) {
    return other instanceof HistoryLevel level && level.getId() == getId();
  }

  @Override
  public int hashCode() {
    return getId();
  }

  /** A variable of the call's context, set on a called process instance as it starts. */
  static boolean isCopiedContext(VariableInstanceEntity variable) {
    if (!CallVariables.CALL_CONTEXT.contains(variable.getName()) || variable.getTaskId() != null
        || variable.getExecutionId() == null || !variable.getExecutionId().equals(variable.getProcessInstanceId())) {
      return false;
    }
    ExecutionEntity instance = variable.getExecution();
    return instance != null && instance.getSuperExecutionId() != null;
  }
}
