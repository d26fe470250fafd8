package org.usm.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.usm.language.Language;
import org.usm.model.Step;
import org.usm.model.UsmProcess;

/** The handover rules without an engine: each broken rule named with its field, each kept rule passing. */
class HandoverRulesTest {

  private static Optional<HandoverRules.Refusal> completing(Step step, Map<String, Object> variables) {
    return HandoverRules.checkCompletion(step, variables::get, () -> Set.of("brp-koppeling", "verhuisformulier"));
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static void assertRefusal(Optional<HandoverRules.Refusal> refusal, String rule, String field, String text) {
    assertThat(refusal).isPresent();
    assertThat(refusal.get().ruleId()).isEqualTo(rule);
    assertThat(refusal.get().field()).isEqualTo(field);
    assertThat(refusal.get().message()).contains(text);
  }

  /** A refusal reads in the language of the call's service, every part of it; rule id and field do not change. */
  @Test
  void aRefusalReadsInDutchForADutchServiceWithTheSameRuleAndField() {
    HandoverRules.Refusal noComponents = completing(Step.C3_PlanAndAgree, vars()).orElseThrow();
    assertThat(noComponents.message(Language.NL)).isEqualTo("'changedComponents' is verplicht: een wijziging noemt "
        + "de beheerde componenten die ze aanpast, en C8 legt precies die vast; de componenten van deze dienst zijn "
        + "brp-koppeling, verhuisformulier");
    assertThat(noComponents.message(Language.EN)).isEqualTo(noComponents.message()).isEqualTo("'changedComponents' is "
        + "required: a change names the managed components it modifies, and C8 records exactly those; this service's "
        + "components are brp-koppeling, verhuisformulier");
    HandoverRules.Refusal noRoute = completing(Step.R4_PrepareRecovery, vars("recoveryRoute", "change")).orElseThrow();
    assertThat(noRoute.message(Language.NL)).isEqualTo("'rfcDescription' is verplicht: een reparatie die een beheerde "
        + "component wijzigt, is een wijziging; beschrijf die in 'rfcDescription'");
    assertThat(noRoute.ruleId()).isEqualTo("H1");
    assertThat(completing(Step.R4_PrepareRecovery, vars("recoveryRoute", "none")).orElseThrow().message(Language.NL))
        .contains("(er was geen herstel nodig: er is niets gewijzigd of uitgevoerd)");
  }

  @Test
  void agreeRealisesOnlyThroughAnRfcH3() {
    assertRefusal(completing(Step.A3_SpecifyService, vars()), "H3", "rfcDescription", "'rfcDescription' is required");
    assertThat(completing(Step.A3_SpecifyService, vars("rfcDescription", "Nieuw formulier"))).isEmpty();
    assertRefusal(completing(Step.A5_Negotiate, vars("agreementReached", "ja")), "H3", "agreementReached",
        "as true or false");
    assertThat(completing(Step.A5_Negotiate, vars("agreementReached", false))).isEmpty();
  }

  @Test
  void anAcceptedChangeCarriesItsDeploymentPlanH4() {
    assertRefusal(completing(Step.C5_TestAndRelease, vars("testAccepted", true)), "H4", "deploymentPlan",
        "deployed by Operate following the deployment plan");
    assertThat(completing(Step.C5_TestAndRelease, vars("testAccepted", false))).isEmpty();
    assertThat(completing(Step.C5_TestAndRelease, vars("testAccepted", true, "deploymentPlan", "Di 07:00"))).isEmpty();
  }

  @Test
  void recoveryChoosesChangeOrOperateWithTheMatchingRequestH5H1H6() {
    assertRefusal(completing(Step.R4_PrepareRecovery, vars()), "H5", "recoveryRoute", "must be one of change, none, operate");
    assertRefusal(completing(Step.R4_PrepareRecovery, vars("recoveryRoute", "both")), "H5", "recoveryRoute",
        "(got 'both')");
    assertRefusal(completing(Step.R4_PrepareRecovery, vars("recoveryRoute", "change")), "H1", "rfcDescription",
        "modifies a managed component is a change");
    assertRefusal(completing(Step.R4_PrepareRecovery, vars("recoveryRoute", "operate", "rfcDescription", "x")),
        "H6", "serviceRequestDescription", "service request for Operate");
    assertThat(completing(Step.R4_PrepareRecovery, vars("recoveryRoute", "operate",
        "serviceRequestDescription", "Opnieuw versturen"))).isEmpty();
  }

  @Test
  void improveSubmitsAMeasureAndDoesNothingItselfH7() {
    assertRefusal(completing(Step.I4_SelectMeasure, vars("measureType", "repair")), "H7", "measureType",
        "must be one of agree, change, none, operate");
    assertRefusal(completing(Step.I4_SelectMeasure, vars("measureType", "agree")), "H7", "measureDescription",
        "submitted as a wish");
    assertThat(completing(Step.I4_SelectMeasure, vars("measureType", "change", "measureDescription", "x"))).isEmpty();
  }

  @Test
  void reviewsRecordTheRequestersVerdictH10AndFindingsAreTextH8() {
    assertRefusal(completing(Step.O5_ReviewDelivery, vars()), "H10", "requesterAccepted", "requester accepted");
    assertThat(completing(Step.O5_ReviewDelivery, vars("requesterAccepted", false))).isEmpty();
    assertRefusal(completing(Step.R7_EvaluateAndClose, vars("improvementFindings", 42)), "H8", "improvementFindings",
        "one improvement finding a line");
    assertThat(completing(Step.R7_EvaluateAndClose, vars("improvementFindings", "a\nb"))).isEmpty();
  }

  @Test
  void aChangeNamesTheServicesComponentsItModifiesH1AndACallTheOnesItConcernsH12() {
    assertThat(completing(Step.C3_PlanAndAgree, vars("changedComponents", "brp-koppeling,\n verhuisformulier")))
        .isEmpty();
    assertRefusal(completing(Step.C3_PlanAndAgree, vars()), "H1", "changedComponents",
        "'changedComponents' is required: a change names the managed components it modifies");
    assertRefusal(completing(Step.C3_PlanAndAgree, vars("changedComponents", "brp-koppeling\nadresservice")), "H1",
        "changedComponents", "names adresservice, not a managed component of this service");
    assertThat(completing(Step.C4_PrepareChange, vars())).as("C3 decides what changes, not C4").isEmpty();
    assertThat(completing(Step.R1_AcceptIncident, vars())).as("concerned components are optional").isEmpty();
    assertThat(completing(Step.R1_AcceptIncident, vars("concernedComponents", "verhuisformulier"))).isEmpty();
    assertRefusal(completing(Step.R1_AcceptIncident, vars("concernedComponents", "de hele BRP")), "H12",
        "concernedComponents", "names de hele BRP, not a managed component of this service");
    assertRefusal(completing(Step.A5_Negotiate, vars("agreementReached", true, "agreementId", "SA 2026/1")), "H11",
        "agreementId", "must match");
  }

  @Test
  void acceptStepsTakeOnlyTheScaleH12() {
    assertRefusal(completing(Step.R1_AcceptIncident, vars("impact", "enorm")), "H12", "impact", "(got 'enorm')");
    assertRefusal(completing(Step.I1_IdentifyRisk, vars("likelihood", "zeker")), "H12", "likelihood", "high, medium, low");
    assertThat(completing(Step.C1_AcceptRfc, vars("impact", "low", "urgency", "high"))).isEmpty();
  }

  @Test
  void aProcessIsEnteredOnlyFromItsWorkflowOrAnAllowedForkCarryingThePayload() {
    assertRefusal(HandoverRules.checkEntry(UsmProcess.OPERATE, null, null, vars()::get), "H12", null,
        "register the call at POST /api/calls");
    assertThat(HandoverRules.checkEntry(UsmProcess.RECOVER, "usm-wf4-verhuizing", "WF_EntryProcess", vars()::get))
        .isEmpty();
    assertRefusal(HandoverRules.checkEntry(UsmProcess.CHANGE, "usm-wf4-verhuizing", "WF_EntryProcess", vars()::get),
        "H9", null, "starts usm-recover, not usm-change");
    assertRefusal(HandoverRules.checkEntry(UsmProcess.AGREE, "usm-recover", "R5_Recover", vars()::get), "H5", null,
        "R5_Recover of usm-recover may not hand work to usm-agree");
    assertRefusal(HandoverRules.checkEntry(UsmProcess.OPERATE, "usm-change", "C4_PrepareChange", vars()::get), "H9",
        null, "is not a fork: usm-change hands work over only at C6_Deploy");
    assertRefusal(HandoverRules.checkEntry(UsmProcess.OPERATE, "usm-change", "C6_Deploy", vars()::get), "H4",
        "deploymentPlan", "carries 'deploymentPlan'");
    assertThat(HandoverRules.checkEntry(UsmProcess.OPERATE, "usm-change", "C6_Deploy",
        vars("deploymentPlan", "Di 07:00")::get)).isEmpty();
    assertRefusal(HandoverRules.checkEntry(UsmProcess.CHANGE, "my-own-process", "Task_1", vars()::get), "H9", null,
        "is not a USM process or workflow");
  }

  @Test
  void aForkReturnsOnlyAfterAFullRunOfTheSecondaryProcessH9() {
    HandoverRules.Fork deploy = HandoverRules.fork(Step.C6_Deploy).orElseThrow();
    assertThat(HandoverRules.checkReturn(deploy, "usm-operate:O6_Closed")).isEmpty();
    assertRefusal(HandoverRules.checkReturn(deploy, "usm-operate:O4_Aborted"), "H9", null, "ran in full");
    assertRefusal(HandoverRules.checkReturn(deploy, null), "H9", null, "ran in full");
    HandoverRules.Fork measure = HandoverRules.fork(Step.I5_DeployMeasure).orElseThrow();
    assertThat(HandoverRules.checkReturn(measure, "usm-agree:A8_Closed")).isEmpty();
    assertRefusal(HandoverRules.checkReturn(measure, "usm-agree:A5_ClosedWithoutAgreement"), "H9", null,
        "ran in full");
  }

  @Test
  void everyExitIsADecisionWithItsReasonE1() {
    assertRefusal(completing(Step.C3_PlanAndAgree, vars("planApproved", false)), "E1", "rejectionReason",
        "the change is rejected");
    assertThat(completing(Step.C3_PlanAndAgree, vars("planApproved", false, "rejectionReason", "Past niet")))
        .as("a rejected change names no components").isEmpty();
    assertRefusal(completing(Step.C3_PlanAndAgree, vars("planApproved", "nee")), "E1", "planApproved",
        "must be true or false");
    assertRefusal(completing(Step.R4_PrepareRecovery, vars("recoveryRoute", "none")), "E1", "resolution",
        "no fix was needed");
    assertThat(completing(Step.R4_PrepareRecovery, vars("recoveryRoute", "none", "resolution", "Vanzelf hersteld")))
        .isEmpty();
    assertRefusal(completing(Step.I4_SelectMeasure, vars("measureType", "none")), "E1", "rationale",
        "the risk is accepted");
    assertThat(completing(Step.I4_SelectMeasure, vars("measureType", "none", "rationale", "Restrisico aanvaard")))
        .isEmpty();
    assertRefusal(completing(Step.O3_PlanActivities, vars("feasible", false)), "E1", "reason",
        "the request cannot be done");
    assertThat(completing(Step.O3_PlanActivities, vars())).as("feasible by default").isEmpty();
    assertRefusal(completing(Step.R1_AcceptIncident, vars("entryProcess", true, "reclassifyAs", "wish")), "E1",
        "reclassificationReason", "registered as the wrong type");
    assertThat(completing(Step.R1_AcceptIncident, vars("entryProcess", true, "reclassifyAs", "wish",
        "reclassificationReason", "Geen storing: een wens voor een nieuw formulier"))).isEmpty();
  }

  @Test
  void anAcceptStepReclassifiesTheCallOnlyAsAnotherCallTypeAtItsEntryProcessE1() {
    for (Step accept : Step.ofKind(org.usm.model.StepKind.ACCEPT)) {
      String registered = accept.process().trigger().id();
      String other = registered.equals("incident") ? "service-request" : "incident";
      assertThat(completing(accept, vars("entryProcess", true))).as("%s: not reclassified", accept).isEmpty();
      assertThat(completing(accept, vars("entryProcess", true, "reclassifyAs", ""))).as("an emptied select").isEmpty();
      assertThat(completing(accept, vars("entryProcess", true, "reclassifyAs", other, "reclassificationReason",
          "Ander type"))).as("%s as %s", accept, other).isEmpty();
      assertRefusal(completing(accept, vars("entryProcess", true, "reclassifyAs", "klacht", "reclassificationReason",
          "x")), "E1", "reclassifyAs", "must be one of wish, rfc, incident, service-request, risk (got 'klacht')");
      assertRefusal(completing(accept, vars("entryProcess", true, "reclassifyAs", registered,
          "reclassificationReason", "x")), "E1", "reclassifyAs", "the call is of type " + registered + " already");
      assertRefusal(completing(accept, vars("entryProcess", false, "reclassifyAs", other, "reclassificationReason",
          "x")), "E1", "reclassifyAs", "reclassified at the accept step of its entry process");
      assertRefusal(completing(accept, vars("entryProcess", true, "reclassifyAs", true)), "E1", "reclassifyAs",
          "must be a call type");
    }
  }
}
