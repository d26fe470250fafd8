package org.usm.engine;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A USM rule refused what a user or a model tried: a handover rule (H1-H12) or a separation-of-duties
 * rule. Thrown inside the engine's command, so the command is rolled back and nothing changes; the
 * engine's REST API answers it with 400 and the message, which Tasklist shows to the user.
 */
public class RuleViolation extends BadUserRequestException {

  private final String ruleId;
  private final String field;

  public RuleViolation(String ruleId, String field, String message) {
    super("Rule " + ruleId + ": " + message);
    this.ruleId = ruleId;
    this.field = field;
  }

  public String ruleId() {
    return ruleId;
  }

  /** The variable at fault, or null when the rule is about who acts rather than what is handed over. */
  public String field() {
    return field;
  }
}
