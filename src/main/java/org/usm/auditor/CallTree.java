package org.usm.auditor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;
import org.usm.security.SystemAccess;

/**
 * The process instances of a call, from the engine's history, running and finished: the root workflow
 * and every process it called, each with the path it took (how often each activity ran) and where it
 * stands now.
 */
@Component
public class CallTree {

  /** One process instance of the call; {@code state} as the engine's history names it. */
  public record Instance(String processInstanceId, String superProcessInstanceId, String processDefinitionId,
      String processDefinitionKey, String processDefinitionName, Instant startTime, Instant endTime, String state,
      Map<String, Integer> activityCounts, List<String> activeActivityIds) {}

  private final HistoryService history;
  private final IdentityService identityService;

  public CallTree(HistoryService history, IdentityService identityService) {
    this.history = history;
    this.identityService = identityService;
  }

  /** The instances under the tracking number, root first, each followed by the processes it called. */
  public List<Instance> of(String trackingNumber) {
    return SystemAccess.run(identityService, () -> {
      List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(trackingNumber).orderByProcessInstanceStartTime().asc()
          .listPage(0, CallTrail.HISTORY_PAGE);
      Map<String, List<HistoricProcessInstance>> children = new LinkedHashMap<>();
      List<HistoricProcessInstance> roots = new ArrayList<>();
      for (HistoricProcessInstance instance : instances) {
        if (instance.getSuperProcessInstanceId() == null) {
          roots.add(instance);
        } else {
          children.computeIfAbsent(instance.getSuperProcessInstanceId(), id -> new ArrayList<>()).add(instance);
        }
      }
      List<Instance> tree = new ArrayList<>();
      roots.forEach(root -> addWithCalled(root, children, tree));
      return tree;
    });
  }

  private void addWithCalled(HistoricProcessInstance instance, Map<String, List<HistoricProcessInstance>> children,
      List<Instance> tree) {
    Map<String, Integer> counts = new TreeMap<>();
    List<String> active = new ArrayList<>();
    for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).orderPartiallyByOccurrence().asc().listPage(0, CallTrail.HISTORY_PAGE)) {
      counts.merge(activity.getActivityId(), 1, Integer::sum);
      if (activity.getEndTime() == null) {
        active.add(activity.getActivityId());
      }
    }
    tree.add(new Instance(instance.getId(), instance.getSuperProcessInstanceId(), instance.getProcessDefinitionId(),
        instance.getProcessDefinitionKey(), instance.getProcessDefinitionName(), instance.getStartTime().toInstant(),
        instance.getEndTime() == null ? null : instance.getEndTime().toInstant(), instance.getState(), counts,
        active));
    children.getOrDefault(instance.getId(), List.of()).forEach(child -> addWithCalled(child, children, tree));
  }
}
