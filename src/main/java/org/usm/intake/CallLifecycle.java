package org.usm.intake;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;
import org.usm.model.CallVariables;
import org.usm.model.Step;
import org.usm.model.WorkflowElements;

/**
 * Keeps the call's status in step with its workflow, attached by one engine plugin to every model rather
 * than pasted into each: the entry process's accept step puts the call in progress, an accepted review
 * fulfils it (rule H10: {@code workflow fulfilled} in the entry process, {@code process fulfilled} in a
 * secondary process), and the end of the workflow closes it.
 */
@Component
public class CallLifecycle extends AbstractProcessEnginePlugin {

  public static final String WORKFLOW_FULFILLED = "workflow fulfilled";
  public static final String PROCESS_FULFILLED = "process fulfilled";

  private final CallRegister register;

  public CallLifecycle(CallRegister register) {
    this.register = register;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new java.util.ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new Attach());
  }

  private class Attach extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      Step.byId(activity.getId()).ifPresent(step -> {
        TaskListener listener = switch (step.kind()) {
          case ACCEPT -> CallLifecycle.this::accepted;
          case REVIEW -> CallLifecycle.this::reviewed;
          default -> null;
        };
        if (listener != null) {
          ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
              .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
        }
      });
    }

    @Override
    public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (WorkflowElements.CALL_CLOSED.equals(activity.getId())) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) CallLifecycle.this::closed);
      }
    }
  }

  private void accepted(DelegateTask task) {
    if (isEntryProcess(task.getExecution())) {
      register.updateStatus(task.getExecution().getProcessBusinessKey(), CallStatus.IN_PROGRESS);
    }
  }

  private void reviewed(DelegateTask task) {
    if (!Boolean.TRUE.equals(task.getVariable(CallVariables.REQUESTER_ACCEPTED))) {
      return;
    }
    DelegateExecution execution = task.getExecution();
    boolean entry = isEntryProcess(execution);
    execution.setVariable(CallVariables.FULFILMENT_STATUS, entry ? WORKFLOW_FULFILLED : PROCESS_FULFILLED);
    if (entry) {
      register.updateStatus(execution.getProcessBusinessKey(), CallStatus.FULFILLED);
    }
  }

  private void closed(DelegateExecution execution) {
    register.updateStatus(execution.getProcessBusinessKey(), CallStatus.CLOSED);
  }

  private static boolean isEntryProcess(DelegateExecution execution) {
    return Boolean.TRUE.equals(execution.getVariable(CallVariables.ENTRY_PROCESS));
  }
}
