package org.usm.handover;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.usm.model.Step;
import org.usm.model.UsmProcess;
import org.usm.model.WorkflowElements;
import org.usm.model.WorkflowPattern;

/**
 * The rules a model must keep to be deployed: a universal process holds its contract steps with their
 * task types and forks only where USM has one, to the processes the fork allows; a workflow starts only
 * its pattern's entry process; no other process calls USM processes or carries their steps. Plain Java
 * over the model's element ids, so the rules are testable without an engine.
 */
public final class ModelRules {

  private ModelRules() {}

  /** What the rules need to know of a process model. */
  public record ProcessModel(
      String key,
      Map<String, String> elementTypes,
      Map<String, String> calledElements,
      Map<String, String> delegateExpressions) {}

  /** The delegate that writes the managed infrastructure register; only C8_UpdateMir may use it (H1, H11). */
  public static final String MIR_WRITER = "${updateMir}";

  public static List<String> check(ProcessModel model) {
    List<String> violations = new ArrayList<>();
    if (UsmProcess.isUniversalProcessKey(model.key())) {
      checkUniversalProcess(UsmProcess.byKey(model.key()), model, violations);
    } else {
      Optional<WorkflowPattern> pattern = HandoverRules.workflowOf(model.key());
      if (pattern.isPresent()) {
        checkWorkflow(pattern.get(), model, violations);
      } else {
        checkOtherProcess(model, violations);
      }
    }
    checkMirWriter(model, violations);
    return violations;
  }

  private static void checkUniversalProcess(UsmProcess process, ProcessModel model, List<String> out) {
    for (Step step : Step.of(process)) {
      String type = model.elementTypes().get(step.id());
      if (type == null) {
        out.add("rule H11: " + model.key() + " lacks the USM step " + step.id() + " (" + step.displayName() + ")");
      } else if (!type.equals(expectedType(step))) {
        out.add("rule H11: " + step.id() + " in " + model.key() + " must be a " + expectedType(step)
            + ", not a " + type);
      }
    }
    model.elementTypes().keySet().stream()
        .flatMap(id -> Step.byId(id).stream())
        .filter(step -> step.process() != process)
        .forEach(step -> out.add("rule H11: " + step.id() + " belongs to " + step.process().key()
            + " and exists only there, not in " + model.key()));
    model.calledElements().forEach((activityId, called) -> {
      Optional<HandoverRules.Fork> fork = HandoverRules.fork(activityId).filter(f -> f.step().process() == process);
      if (fork.isEmpty()) {
        out.add("rule H9: call activity " + activityId + " in " + model.key() + " is not a USM fork; "
            + model.key() + " hands work over only at " + HandoverRules.forkIds(process));
      } else if (!isExpression(called) && fork.get().targets().stream().noneMatch(t -> t.key().equals(called))) {
        out.add("rule " + fork.get().ruleId() + ": " + activityId + " in " + model.key() + " may not call "
            + called + " (" + fork.get().rule().en() + ")");
      }
    });
  }

  private static void checkWorkflow(WorkflowPattern pattern, ProcessModel model, List<String> out) {
    String entry = pattern.entryProcess().key();
    String called = model.calledElements().get(WorkflowElements.ENTRY_PROCESS);
    if (!entry.equals(called)) {
      out.add("rule H9: workflow " + model.key() + " (" + pattern.name() + ") must start " + entry + " at "
          + WorkflowElements.ENTRY_PROCESS + (called == null ? "" : ", not " + called));
    }
    model.calledElements().keySet().stream().filter(id -> !id.equals(WorkflowElements.ENTRY_PROCESS))
        .forEach(id -> out.add("rule H9: workflow " + model.key() + " starts only its entry process; call activity "
            + id + " is not allowed"));
  }

  private static void checkOtherProcess(ProcessModel model, List<String> out) {
    model.calledElements().forEach((activityId, called) -> {
      if (called.startsWith("usm-") || isExpression(called)) {
        out.add("rule H9: call activity " + activityId + " in " + model.key() + " may not start "
            + called + ": USM processes are entered only through a workflow or a USM fork");
      }
    });
    model.elementTypes().keySet().stream().flatMap(id -> Step.byId(id).stream())
        .forEach(step -> out.add("rule H11: " + step.id() + " belongs to " + step.process().key()
            + " and exists only there, not in " + model.key()));
  }

  private static void checkMirWriter(ProcessModel model, List<String> out) {
    model.delegateExpressions().forEach((activityId, expression) -> {
      boolean isC8 = model.key().equals(UsmProcess.CHANGE.key()) && activityId.equals(Step.C8_UpdateMir.id());
      if (expression.replace(" ", "").equals(MIR_WRITER) && !isC8) {
        out.add("rule H1: " + activityId + " in " + model.key() + " may not write the managed infrastructure "
            + "register; only C8_UpdateMir of usm-change does (H11)");
      }
    });
  }

  private static String expectedType(Step step) {
    return switch (step.kind()) {
      case CLASSIFY -> "businessRuleTask";
      case FORK -> "callActivity";
      case REGISTER -> "serviceTask";
      default -> "userTask";
    };
  }

  private static boolean isExpression(String value) {
    return value.contains("${") || value.contains("#{");
  }
}
