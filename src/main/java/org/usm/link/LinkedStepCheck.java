package org.usm.link;

import org.springframework.beans.factory.ObjectProvider;
import org.usm.instantiation.ServiceBindings;
import org.usm.language.Language;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.engine.RuleEnforcement;
import org.usm.engine.StepCompletionListener;
import org.usm.engine.TaskEvents;
import org.usm.model.Step;

/**
 * Rule L1 at run time: a step that handed part of its work to a link is not completed while the provider
 * has not answered for good. A refusal changes nothing and is on the call's trail.
 */
@Component
@Order(25)
public class LinkedStepCheck extends StepCompletionListener {

  private final LinkedCallStore store;
  private final RuleEnforcement enforcement;
  // The bindings read deployed definitions, and the engine is built with this listener: resolved late.
  private final ObjectProvider<ServiceBindings> bindings;

  public LinkedStepCheck(LinkedCallStore store, RuleEnforcement enforcement, ObjectProvider<ServiceBindings> bindings) {
    this.store = store;
    this.enforcement = enforcement;
    this.bindings = bindings;
  }

  @Override
  protected boolean reactsTo(Step step) {
    return true;
  }

  @Override
  protected void completed(TaskEvents.Completion completion) {
    Language language = bindings.getObject().languageOf(completion.execution());
    Optional<String> refusal = LinkRules.checkCompletion(completion.step().id(), store.openOfStep(
        completion.trackingNumber(), completion.execution().getProcessInstanceId(), completion.step().id()), language);
    if (refusal.isPresent()) {
      throw enforcement.refuse(completion.execution(), completion.step().id(), completion.user(), LinkRules.L1,
          "links", language, refusal.get());
    }
  }
}
