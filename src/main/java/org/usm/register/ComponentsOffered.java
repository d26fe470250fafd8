package org.usm.register;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.usm.engine.ModelListener;
import org.usm.engine.ParsedActivity;
import org.usm.model.CallVariables;
import org.usm.model.Step;

/**
 * C3 Plan & agree asks which of the service's managed components the change modifies (rule H1): its task
 * offers them, as the managed infrastructure register holds them when the task opens, one line each with
 * id and name, in the task-local {@link CallVariables#SERVICE_COMPONENTS} (the product's: users cannot set
 * it, see {@code trust/ProtectedVariables}). The chosen ids still go into {@code changedComponents} as before.
 */
@Component
public class ComponentsOffered implements ModelListener {

  private final ManagedInfrastructureRegister mir;

  public ComponentsOffered(ManagedInfrastructureRegister mir) {
    this.mir = mir;
  }

  @Override
  public void parsedUserTask(ParsedActivity userTask) {
    if (Step.C3_PlanAndAgree.id().equals(userTask.id())) {
      userTask.onTaskCreated(this::offer);
    }
  }

  private void offer(DelegateTask task) {
    Object serviceId = task.getVariable(CallVariables.SERVICE_ID);
    if (serviceId != null) {
      task.setVariableLocal(CallVariables.SERVICE_COMPONENTS, offered(serviceId.toString()));
    }
  }

  /** The service's components as the form lists them: {@code - brp-koppeling – BRP-koppeling}, a line each. */
  String offered(String serviceId) {
    return mir.components(serviceId).stream().map(c -> "- " + c.componentId() + " – " + c.name())
        .collect(Collectors.joining("\n"));
  }
}
