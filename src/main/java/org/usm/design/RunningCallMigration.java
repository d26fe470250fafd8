package org.usm.design;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;
import org.usm.clock.UsmClock;
import org.usm.model.CallVariables;
import org.usm.model.WorkflowPattern;

/**
 * Moves the running calls of a service onto its newest version when the designer asks for it
 * ({@code ?migrateRunning=true}): each call's workflow instance is migrated with Camunda's migration API
 * where the engine allows it (the templates share their element ids, so every element maps onto its
 * twin), and the call's binding (groups, handling times) follows; a call the engine cannot migrate stays
 * on its version, with the reason. Each migrated call has the move on its trail.
 */
@Component
public class RunningCallMigration {

  /** What a migration did: the calls it moved, and those it left on their version with the reason. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Report(List<String> migrated, List<NotMigrated> notMigrated) {}

  public record NotMigrated(String trackingNumber, String reason) {}

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final AuditTrail audit;

  public RunningCallMigration(RepositoryService repository, RuntimeService runtime, AuditTrail audit) {
    this.repository = repository;
    this.runtime = runtime;
    this.audit = audit;
  }

  /** Runs as the product; the designer's right to change the service was checked before. */
  public Report migrate(String serviceId, int version, String designer) {
    List<String> migrated = new ArrayList<>();
    List<NotMigrated> notMigrated = new ArrayList<>();
    for (WorkflowPattern pattern : WorkflowPattern.values()) {
      ProcessDefinition target = repository.createProcessDefinitionQuery()
          .processDefinitionKey(pattern.keyFor(serviceId)).latestVersion().singleResult();
      for (ProcessInstance call : runtime.createProcessInstanceQuery().processDefinitionKey(pattern.keyFor(serviceId))
          .list()) {
        if (call.getProcessDefinitionId().equals(target.getId())) {
          continue;
        }
        try {
          MigrationPlan plan = runtime.createMigrationPlan(call.getProcessDefinitionId(), target.getId())
              .mapEqualActivities().build();
          runtime.newMigration(plan).processInstanceIds(call.getId()).execute();
          rebind(call.getBusinessKey(), target.getId());
          migrated.add(call.getBusinessKey());
          audit.record(new AuditEvent(UsmClock.now(), call.getBusinessKey(), pattern.keyFor(serviceId), call.getId(),
              null, designer, AuditEvent.Kind.INTERVENTION, null, "moved to version " + version + " of service "
                  + serviceId + " (" + target.getId() + ") by its designer"));
        } catch (RuntimeException refused) {
          notMigrated.add(new NotMigrated(call.getBusinessKey(), refused.getMessage()));
        }
      }
    }
    return new Report(migrated, notMigrated);
  }

  /** Every process of the call follows the new version's binding. */
  private void rebind(String trackingNumber, String workflowDefinitionId) {
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .list()) {
      runtime.setVariable(instance.getId(), CallVariables.WORKFLOW_DEFINITION_ID, workflowDefinitionId);
    }
  }
}
