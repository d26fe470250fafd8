package org.usm.bench;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.usm.intake.CallIntakeService;
import org.usm.intake.CallRequest;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;
import org.usm.security.IdentitySetup;
import org.usm.testing.HappyPath;

/** Calls a benchmark works through their steps as the demo users would, in the product's JVM. */
record WorkedCalls(CallIntakeService intake, TaskService tasks, IdentityService identity) {

  /** Registers a WF4 incident of {@code verhuizing} and works it to closed; answers its tracking number. */
  String closedIncident(int n) {
    String call = intake.register(new CallRequest("verhuizing", "incident", "Benchmark closed " + n,
        IdentitySetup.DEMO_CITIZENS.get(n % IdentitySetup.DEMO_CITIZENS.size()), "medium", "medium", null, null,
        "WF4")).trackingNumber();
    for (Step step : WorkflowPattern.WF4.path()) {
      if (step.isUserTask()) {
        complete(call, step, HappyPath.variables(step, WorkflowPattern.WF4, "verhuizing"));
      }
    }
    return call;
  }

  /** Completes the call's open task at the step as the step's demo user. */
  void complete(String call, Step step, Map<String, Object> variables) {
    String user = HappyPath.demoUser(step);
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .toList());
    try {
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(call).taskDefinitionKey(step.id()).singleResult();
      tasks.complete(task.getId(), new HashMap<>(variables));
    } finally {
      identity.clearAuthentication();
    }
  }
}
