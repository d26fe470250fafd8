package org.usm.engine;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A trust rule (T1, T3-T5) refused what a user tried: writing a protected variable, deploying a model the
 * product did not generate, starting a call around intake, an intervention off the record. An
 * authorization failure to the engine, so that both REST APIs answer 403 with the message whatever the
 * endpoint, and the command changes nothing.
 */
public class TrustRefusal extends AuthorizationException implements RuleViolation {

  private final String ruleId;
  private final String field;

  public TrustRefusal(String ruleId, String field, String message) {
    super(message);
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
