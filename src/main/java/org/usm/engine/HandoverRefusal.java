package org.usm.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A handover rule refused what was handed in. A form-field validation failure to the engine, so that its
 * REST API answers 400 with the message and Tasklist shows it at the form.
 */
public class HandoverRefusal extends FormFieldValidationException implements RuleViolation {

  private final String ruleId;
  private final String field;

  public HandoverRefusal(String ruleId, String field, String message) {
    super(field, message);
    this.ruleId = ruleId;
    this.field = field;
  }

  @Override
  public String ruleId() {
    return ruleId;
  }

  @Override
  public String field() {
    return field;
  }
}
