package org.usm.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.usm.definition.ServiceDefinition;
import org.usm.model.CallType;
import org.usm.model.Level;
import org.usm.model.WorkflowPattern;
import org.usm.testing.UsmTestEngine;

/** Intake's rules without a server: defaults, predicted patterns, and refusals that name the field. */
class CallRequestValidatorTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

  private final CallRequestValidator validator = new CallRequestValidator(id -> UsmTestEngine.demoServices()
      .stream().filter(s -> s.id().equals(id)).findFirst(),
      (id, day) -> UsmTestEngine.service(id).agreement().isActiveOn(day));

  private static CallRequest request(String type, String pattern) {
    return new CallRequest("verhuizing", type, "Adres niet gewijzigd", "inwoner-4711", null, null, null, null, pattern);
  }

  @Test
  void impactAndUrgencyDefaultToMediumAndThePatternIsPredictedFromTheType() {
    NewCall call = validator.validate(request("incident", null), TODAY);
    assertThat(call.type()).isEqualTo(CallType.INCIDENT);
    assertThat(call.impact()).isEqualTo(Level.MEDIUM);
    assertThat(call.urgency()).isEqualTo(Level.MEDIUM);
    assertThat(call.pattern()).isEqualTo(WorkflowPattern.WF4);
    assertThat(validator.validate(request("wish", null), TODAY).pattern()).isEqualTo(WorkflowPattern.WF1);
    assertThat(validator.validate(request("incident", "WF3"), TODAY).pattern()).isEqualTo(WorkflowPattern.WF3);
  }

  @Test
  void aRiskTakesEffectAndLikelihoodFromImpactAndUrgencyWhenAbsent() {
    NewCall risk = validator.validate(new CallRequest("verhuizing", "risk", "Koppeling verouderd", "beheer", "high",
        "low", null, "medium", null), TODAY);
    assertThat(risk.effect()).isEqualTo(Level.HIGH);
    assertThat(risk.likelihood()).isEqualTo(Level.MEDIUM);
    assertRefused(new CallRequest("verhuizing", "incident", "x", "y", null, null, "high", null, null),
        "effect", "effect is only given for calls of type risk");
  }

  @Test
  void everyRequiredFieldIsNamedWhenMissing() {
    assertRefused(new CallRequest(null, "incident", "x", "y", null, null, null, null, null), "serviceId",
        "serviceId is required");
    assertRefused(new CallRequest("verhuizing", " ", "x", "y", null, null, null, null, null), "type", "type is required");
    assertRefused(new CallRequest("verhuizing", "incident", "x", "", null, null, null, null, null), "requester",
        "requester is required");
    assertRefused(new CallRequest("verhuizing", "incident", "x".repeat(501), "y", null, null, null, null, null),
        "summary", "summary must be at most 500 characters");
  }

  @Test
  void anRfcNeedsAnActiveAgreementRuleH2() {
    assertThat(validator.validate(request("rfc", null), TODAY).pattern()).isEqualTo(WorkflowPattern.WF2);
    CallRejectedException refused = refusal(request("rfc", null), LocalDate.of(2025, 6, 1));
    assertThat(refused.reason()).isEqualTo(CallRejectedException.Reason.CONFLICT);
    assertThat(refused.getMessage()).contains("rule H2").contains("submit a wish");
  }

  @Test
  void theRequesterIsAUserWhoExistsRuleH12() {
    NewCall call = validator.validate(request("incident", null), TODAY);
    assertThatCode(() -> CallRequestValidator.requireExistingRequester(call, Set.of("inwoner-4711")::contains))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> CallRequestValidator.requireExistingRequester(call, Set.of("requester")::contains))
        .isInstanceOfSatisfying(CallRejectedException.class, refused -> {
          assertThat(refused.field()).isEqualTo("requester");
          assertThat(refused.reason()).isEqualTo(CallRejectedException.Reason.INVALID);
        })
        .hasMessageContaining("rule H12: requester 'inwoner-4711' is not a user")
        .hasMessageContaining("SOD-3, SOD-4, SOD-8");
  }

  @Test
  void registeringNeedsARequesterGroupOrAGroupOfTheServiceRuleH12() {
    ServiceDefinition verhuizing = UsmTestEngine.service("verhuizing");
    assertThat(CallAccess.mayRegister(java.util.List.of("usm-requesters"), verhuizing)).isTrue();
    assertThat(CallAccess.mayRegister(java.util.List.of("publieksdiensten-coordinatoren"), verhuizing)).isTrue();
    assertThat(CallAccess.mayRegister(java.util.List.of("it-werkplekbeheer"), verhuizing)).isFalse();
    assertThat(CallAccess.mayRegister(java.util.List.of("usm-auditors"), verhuizing)).isFalse();
  }

  private CallRejectedException refusal(CallRequest request, LocalDate day) {
    return (CallRejectedException) org.assertj.core.api.Assertions.catchThrowable(() -> validator.validate(request, day));
  }

  private void assertRefused(CallRequest request, String field, String message) {
    assertThatThrownBy(() -> validator.validate(request, TODAY))
        .isInstanceOf(CallRejectedException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((CallRejectedException) e).field()).isEqualTo(field);
  }
}
