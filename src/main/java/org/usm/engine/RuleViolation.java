package org.usm.engine;

/**
 * A USM rule refused what a user or a model tried: a handover rule (H1-H12) or a separation-of-duties
 * rule. Thrown inside the engine's command, so the command is rolled back and nothing changes.
 */
public interface RuleViolation {

  /** H1-H12, or SOD-1... for separation of duties. */
  String ruleId();

  /** The variable at fault, or null when the rule is about who acts rather than what is handed over. */
  String field();

  String getMessage();

  static RuntimeException of(String ruleId, String field, String message) {
    String text = "Rule " + ruleId + ": " + message;
    return ruleId.startsWith("SOD") ? new DutyRefusal(ruleId, text) : new HandoverRefusal(ruleId, field, text);
  }
}
