package org.usm.trust;

/**
 * The rules that keep the USM rules from being switched off by the users they check (DESIGN §7). Each
 * refusal names its rule id, as the handover rules (H1-H12) and the duties rules (SOD-1...) do.
 */
public enum TrustRule {
  T1("the product's own variables are written by the product only"),
  T2("completing a step carries that step's form fields and nothing else"),
  T3("only the product deploys models or runs code on the server"),
  T4("calls start only through intake"),
  T5("interventions on a call are made one call at a time, on the call's record");

  private final String rule;

  TrustRule(String rule) {
    this.rule = rule;
  }

  public String id() {
    return name();
  }

  public String rule() {
    return rule;
  }

  /** A broken trust rule: the variable or resource at fault (or null) and what the user reads. */
  public record Refusal(TrustRule rule, String field, String message) {}

  public Refusal refuse(String field, String message) {
    return new Refusal(this, field, message);
  }
}
