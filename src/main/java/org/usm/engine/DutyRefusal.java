package org.usm.engine;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A separation-of-duties rule refused the acting user. An authorization failure to the engine, so that
 * its REST API answers 403 with the message.
 */
public class DutyRefusal extends AuthorizationException implements RuleViolation {

  private final String ruleId;

  public DutyRefusal(String ruleId, String message) {
    super(message);
    this.ruleId = ruleId;
  }

  @Override
  public String ruleId() {
    return ruleId;
  }

  @Override
  public String field() {
    return null;
  }
}
