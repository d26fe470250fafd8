package org.usm.trust;

import org.usm.language.Language;
import org.usm.language.Phrase;
import org.usm.language.Words;

/**
 * The rules that keep the USM rules from being switched off by the users they check (DESIGN §7). Each
 * refusal names its rule id, as the handover rules (H1-H12) and the duties rules (SOD-1...) do.
 */
public enum TrustRule {
  T1("the product's own variables are written by the product only", true),
  T2("completing a step carries that step's form fields and nothing else", false),
  T3("only the product deploys models or runs code on the server", true),
  T4("calls start only through intake", true),
  T5("interventions on a call are made one call at a time, on the call's record", true);

  private final String rule;
  private final boolean forbidding;

  TrustRule(String rule, boolean forbidding) {
    this.rule = rule;
    this.forbidding = forbidding;
  }

  /**
   * Whether the rule refuses who may do something at all (answered like a missing grant, 403), rather than
   * what a completion hands in (a form field at fault, 400).
   */
  public boolean forbidding() {
    return forbidding;
  }

  /** Whether the rule id names a forbidding trust rule. */
  public static boolean isForbidding(String ruleId) {
    return java.util.Arrays.stream(values()).anyMatch(r -> r.forbidding && r.name().equals(ruleId));
  }

  public String id() {
    return name();
  }

  public String rule() {
    return rule;
  }

  /** A broken trust rule: the variable or resource at fault (or null) and what the user reads, in every language. */
  public record Refusal(TrustRule rule, String field, Words words) {

    public String message(Language language) {
      return words.in(language);
    }

    /** What the user reads, in English. */
    public String message() {
      return message(Language.EN);
    }
  }

  /** A refusal that designers and administrators read, in English (a deployment, a filter, a definition). */
  public Refusal refuse(String field, String message) {
    return new Refusal(this, field, Words.asGiven(message));
  }

  /** A refusal the people who work a call read, in its service's language. */
  public Refusal refuse(String field, Phrase phrase, Object... parts) {
    return new Refusal(this, field, Words.of(phrase, parts));
  }
}
