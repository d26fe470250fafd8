package org.usm.reroute;

import java.util.function.Function;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;
import org.usm.engine.EngineContext;
import org.usm.engine.StepCompletionListener;
import org.usm.engine.TaskEvents;
import org.usm.intake.CallRegister;
import org.usm.model.CallVariables;
import org.usm.model.ProcessExit;
import org.usm.model.RouteDecision;
import org.usm.model.Step;
import org.usm.model.UsmProcess;
import org.usm.model.WorkflowPattern;

/**
 * Dynamic routes (DESIGN §2): incidents and risks learn their pattern only at the route decision (R4,
 * I4). When the decision differs from the pattern the call follows, the call's root instance is migrated
 * to the service's workflow of the decided pattern. The migration keeps everything that ran: the same
 * tracking number and instances, no step repeated, the end-to-end SLA timer from registration; the
 * re-route is recorded in the call register and the audit trail.
 */
@Component
@Order(60)
public class DynamicReroute extends StepCompletionListener {

  private final CallRegister calls;
  private final AuditTrail audit;

  public DynamicReroute(CallRegister calls, AuditTrail audit) {
    this.calls = calls;
    this.audit = audit;
  }

  @Override
  protected boolean reactsTo(Step step) {
    return RouteDecision.decidedAt(step).isPresent();
  }

  /** The pattern the route decision of R4 or I4 selects. */
  static WorkflowPattern decidedPattern(Step step, Function<String, Object> variables) {
    RouteDecision decision = RouteDecision.decidedAt(step).orElseThrow();
    UsmProcess route = decision.target(variables.apply(decision.variable())).orElseThrow(() ->
        new IllegalStateException(step.id() + " completed without a valid " + decision.variable()));
    return WorkflowPattern.of(step.process(), route);
  }

  /** Follows the route decision: migrates the call when it selects another pattern. */
  @Override
  protected void completed(TaskEvents.Completion decision) {
    Step step = decision.step();
    if (ProcessExit.decidedAt(step, decision::variable).isPresent()) {
      return; // no fork follows, so no other pattern either: the call keeps the pattern it follows
    }
    WorkflowPattern current = WorkflowPattern.valueOf((String) decision.variable(CallVariables.PATTERN));
    WorkflowPattern decided = decidedPattern(step, decision::variable);
    if (decided == current) {
      return;
    }
    DelegateExecution entryProcess = decision.execution().getProcessInstance();
    DelegateExecution workflow = entryProcess.getSuperExecution();
    String serviceId = (String) decision.variable(CallVariables.SERVICE_ID);
    EngineContext.asProduct(() -> {
      migrate(workflow, decided, serviceId, entryProcess);
      return null;
    });
    calls.rerouted(decision.trackingNumber(), decided);
    audit.record(AuditEvent.of(decision.execution(), step.id(), decision.user(),
        AuditEvent.Kind.REROUTE, null, "re-routed from " + current.name() + " to " + decided.name() + " at "
            + step.id() + ": the call now follows " + decided.keyFor(serviceId)));
  }

  private static void migrate(DelegateExecution workflow, WorkflowPattern decided, String serviceId,
      DelegateExecution entryProcess) {
    RepositoryService repository = workflow.getProcessEngineServices().getRepositoryService();
    RuntimeService runtime = workflow.getProcessEngineServices().getRuntimeService();
    ProcessDefinition target = repository.createProcessDefinitionQuery().processDefinitionKey(decided.keyFor(serviceId))
        .latestVersion().singleResult();
    // The eight templates share their element ids, so every running element maps onto its twin; the SLA
    // timer keeps its due date because event triggers are not updated.
    MigrationPlan plan = runtime.createMigrationPlan(workflow.getProcessDefinitionId(), target.getId())
        .mapEqualActivities()
        .build();
    runtime.newMigration(plan).processInstanceIds(workflow.getProcessInstanceId()).execute();
    for (DelegateExecution instance : new DelegateExecution[] {workflow, entryProcess}) {
      instance.getProcessInstance().setVariable(CallVariables.PATTERN, decided.name());
      instance.getProcessInstance().setVariable(CallVariables.WORKFLOW_DEFINITION_ID, target.getId());
    }
  }
}
