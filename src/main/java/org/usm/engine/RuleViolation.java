package org.usm.engine;

import org.usm.language.Language;
import org.usm.language.Phrase;
import org.usm.trust.TrustRule;

/**
 * A USM rule refused what a user or a model tried: a handover rule (H1-H12), a separation-of-duties rule
 * (SOD-1...) or a trust rule (T1-T5). Thrown inside the engine's command, so the command is rolled back
 * and nothing changes.
 */
public interface RuleViolation {

  /** {@code Rule H1: <message>}; the rule id is the same in every language. */
  Phrase RULE = new Phrase("Rule %s: %s", "Regel %s: %s");

  /** H1-H12, SOD-1..., or T1-T5. */
  String ruleId();

  /** The variable at fault, or null when the rule is about who acts rather than what is handed over. */
  String field();

  String getMessage();

  /**
   * The refusal as the engine's REST APIs report it: 403 for separation of duties and the forbidding
   * trust rules, 400 (a form field at fault) for handover rules and a completion's payload (T2).
   */
  static RuntimeException of(String ruleId, String field, Language language, String message) {
    String text = RULE.in(language, ruleId, message);
    if (ruleId.startsWith("SOD")) {
      return new DutyRefusal(ruleId, text);
    }
    if (TrustRule.isForbidding(ruleId)) {
      return new TrustRefusal(ruleId, field, text);
    }
    return new HandoverRefusal(ruleId, field, text);
  }
}
