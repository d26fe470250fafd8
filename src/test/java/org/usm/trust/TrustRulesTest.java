package org.usm.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.StartEventBuilder;
import org.junit.jupiter.api.Test;
import org.usm.model.CallVariables;
import org.usm.model.Step;
import org.usm.model.StepKind;
import org.usm.trust.FormFields;
import org.usm.tasks.TaskForms;

/** The trust rules without an engine: protected variables, completion payloads, deployment content. */
class TrustRulesTest {

  private static final DeploymentRules DEPLOYMENTS = DeploymentRules.fromProductModels();

  @Test
  void theCallsContextAndTheProductsNotesAreProtectedAndDecisionsAreNot() {
    assertThat(ProtectedVariables.DECLARED.keySet()).contains(CallVariables.TRACKING_NUMBER, CallVariables.REQUESTER,
        CallVariables.PATTERN, CallVariables.SLA_DUE_DATE, CallVariables.PRIORITY, CallVariables.SOURCE_CALL,
        CallVariables.RECOVERY_ROUTE, CallVariables.MEASURE_TYPE, CallVariables.RECLASSIFY_AS);
    assertThat(ProtectedVariables.isProtected("usmCompletedBy")).isTrue();
    assertThat(ProtectedVariables.isProtected(CallVariables.TEST_ACCEPTED)).isFalse();
    assertThat(ProtectedVariables.isProtected(CallVariables.IMPACT)).isFalse();
  }

  @Test
  void noFormOffersAProtectedVariableExceptTheRouteOrReclassificationOfItsOwnDecision() {
    FormFields forms = new FormFields();
    for (Step step : Step.values()) {
      if (!step.isUserTask()) {
        continue;
      }
      Set<String> fields = forms.of(TaskForms.formOf(step)).orElseThrow();
      Set<String> allowed = switch (step) {
        case R4_PrepareRecovery -> Set.of(CallVariables.RECOVERY_ROUTE);
        case I4_SelectMeasure -> Set.of(CallVariables.MEASURE_TYPE);
        default -> step.kind() == StepKind.ACCEPT ? Set.of(CallVariables.RECLASSIFY_AS) : Set.<String>of();
      };
      assertThat(fields.stream().filter(ProtectedVariables::isProtected)).as(step.id()).containsExactlyInAnyOrderElementsOf(allowed);
    }
  }

  @Test
  void aCompletionCarriesItsFormsFieldsOnly() {
    Set<String> fields = Set.of("testAccepted", "deploymentPlan", "testReport");
    assertThat(CompletionPayload.check("C5_TestAndRelease", "usm-test-and-release", fields,
        List.of("testAccepted", "deploymentPlan"))).isEmpty();
    assertThat(CompletionPayload.check("C5_TestAndRelease", "usm-test-and-release", fields, List.of("testAccepted",
        "completedBy_C4_PrepareChange")))
        .hasValueSatisfying(r -> {
          assertThat(r.rule()).isEqualTo(TrustRule.T2);
          assertThat(r.field()).isEqualTo("completedBy_C4_PrepareChange");
          assertThat(r.message()).contains("deploymentPlan, testAccepted, testReport");
        });
    assertThat(CompletionPayload.check("C5_TestAndRelease", "usm-test-and-release", fields, List.of("requester")))
        .hasValueSatisfying(r -> assertThat(r.rule()).isEqualTo(TrustRule.T1));
    assertThat(CompletionPayload.check("R4_PrepareRecovery", "usm-prepare-recovery", Set.of("recoveryRoute"),
        List.of("recoveryRoute"))).as("a route is decided at its own step").isEmpty();
  }

  @Test
  void theAllowlistIsTheProductsOwnExpressionsAndTheProductsModelsPassIt() {
    assertThat(DEPLOYMENTS.allowedExpressions()).contains("${usmRoles.ofStep(execution)}", "${testAccepted}")
        .noneMatch(e -> e.contains("getProcessEngineServices"));
    // The product's own decisions pass; their usm- ids are what keeps a user from deploying them.
    assertThat(DEPLOYMENTS.check(Map.of("plain.bpmn", bpmn(Bpmn.createExecutableProcess("plain")
        .camundaHistoryTimeToLive(1).startEvent().userTask().camundaCandidateGroups("${usmRoles.ofStep(execution)}")
        .endEvent().done())))).isEmpty();
  }

  @Test
  void codeForeignExpressionsAndTheProductsIdsAreRefusedByResource() {
    StartEventBuilder start = Bpmn.createExecutableProcess("probe").camundaHistoryTimeToLive(1).startEvent();
    assertRefused(bpmn(start.serviceTask().camundaClass("java.lang.Runtime").endEvent().done()), "class=");
    start = Bpmn.createExecutableProcess("probe").camundaHistoryTimeToLive(1).startEvent();
    assertRefused(bpmn(start.serviceTask().camundaExpression("${execution.getProcessEngine()}").endEvent().done()),
        "${execution.getProcessEngine()}");
    start = Bpmn.createExecutableProcess("probe").camundaHistoryTimeToLive(1).startEvent();
    assertRefused(bpmn(start.scriptTask().scriptFormat("groovy").scriptText("1").endEvent().done()), "scriptTask");
    start = Bpmn.createExecutableProcess("probe").camundaHistoryTimeToLive(1).startEvent();
    assertRefused(bpmn(start.endEvent().camundaExecutionListenerDelegateExpression("end", "${updateMir}").done()),
        "delegateExpression");
    assertRefused(bpmn(Bpmn.createExecutableProcess("usm-agree").camundaHistoryTimeToLive(1).startEvent().endEvent()
        .done()), "usm-agree");
    // An expression hidden behind a brace in a string is not the allowlisted one.
    start = Bpmn.createExecutableProcess("probe").camundaHistoryTimeToLive(1).startEvent();
    assertRefused(bpmn(start.userTask().camundaAssignee("${'}'}${usmRoles.ofStep(execution)}").endEvent().done()),
        "${'}");
    String juelDecision = """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
          <decision id="d1" name="d1"><decisionTable><input><inputExpression expressionLanguage="juel">
          <text>${execution}</text></inputExpression></input><output name="o"/></decisionTable></decision>
        </definitions>""";
    assertThat(DEPLOYMENTS.check(Map.of("d.dmn", juelDecision.getBytes()))).extracting(TrustRule.Refusal::message)
        .anySatisfy(m -> assertThat(m).contains("expression language 'juel'"));
    assertThat(DEPLOYMENTS.check(Map.of("tool.groovy", "println 1".getBytes()))).hasSize(1);
    assertThat(DEPLOYMENTS.check(Map.of("x.bpmn", "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>"
        .getBytes()))).extracting(TrustRule.Refusal::message).containsExactly("resource 'x.bpmn' is not a well-formed model");
  }

  @Test
  void filtersUseOnlyTheExpressionsTasklistOffers() {
    assertThat(FilterExpressions.firstForbidden(List.of("${currentUser()}", "${currentUserGroups()}", "${now()}",
        "${dateTime().plusDays(2).minusHours(1)}", "${dateTime().toDate()}"))).isEmpty();
    assertThat(FilterExpressions.firstForbidden(List.of("${currentUser()}", "${usmRoles.toString()}")))
        .contains("${usmRoles.toString()}");
    assertThat(FilterExpressions.firstForbidden(List.of("${now().getClass().forName('java.lang.Runtime')}"))).isPresent();
  }

  private static void assertRefused(byte[] model, String named) {
    List<TrustRule.Refusal> refusals = DEPLOYMENTS.check(Map.of("probe.bpmn", model));
    assertThat(refusals).as("refusals of a model with %s", named).isNotEmpty()
        .allSatisfy(r -> assertThat(r.rule()).isEqualTo(TrustRule.T3))
        .anySatisfy(r -> assertThat(r.message()).contains(named));
  }

  private static byte[] bpmn(org.camunda.bpm.model.bpmn.BpmnModelInstance model) {
    return Bpmn.convertToString(model).getBytes();
  }
}
