package org.usm.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.usm.model.Step;
import org.usm.model.UsmProcess;
import org.usm.register.RegisterWriters;

/** Deployment rules on models described by their element ids, and the one writer of each register. */
class ModelRulesTest {

  private static Map<String, String> changeElements() {
    Map<String, String> types = new HashMap<>();
    for (Step step : Step.of(UsmProcess.CHANGE)) {
      types.put(step.id(), switch (step.kind()) {
        case CLASSIFY -> "businessRuleTask";
        case FORK -> "callActivity";
        case REGISTER -> "serviceTask";
        default -> "userTask";
      });
    }
    return types;
  }

  @Test
  void theContractModelOfChangePasses() {
    assertThat(ModelRules.check(new ModelRules.ProcessModel("usm-change", changeElements(),
        Map.of("C6_Deploy", "usm-operate"), Map.of("C8_UpdateMir", "${updateMir}")))).isEmpty();
  }

  @Test
  void aForkToAProcessTheRuleDoesNotAllowIsRefused() {
    assertThat(ModelRules.check(new ModelRules.ProcessModel("usm-change", changeElements(),
        Map.of("C6_Deploy", "usm-agree"), Map.of())))
        .containsExactly("rule H4: C6_Deploy in usm-change may not call usm-agree (Change does not put anything "
            + "into production itself: it hands the deployment to Operate)");
  }

  @Test
  void aCallActivityThatIsNotAUsmForkIsRefused() {
    Map<String, String> types = changeElements();
    types.put("C4_AskOperate", "callActivity");
    assertThat(ModelRules.check(new ModelRules.ProcessModel("usm-change", types,
        Map.of("C6_Deploy", "usm-operate", "C4_AskOperate", "usm-operate"), Map.of())))
        .containsExactly("rule H9: call activity C4_AskOperate in usm-change is not a USM fork; usm-change hands "
            + "work over only at C6_Deploy");
  }

  @Test
  void missingOrMistypedStepsAreRefusedH11() {
    Map<String, String> types = changeElements();
    types.remove("C3_PlanAndAgree");
    types.put("C8_UpdateMir", "userTask");
    assertThat(ModelRules.check(new ModelRules.ProcessModel("usm-change", types, Map.of("C6_Deploy", "usm-operate"),
        Map.of()))).containsExactlyInAnyOrder(
        "rule H11: usm-change lacks the USM step C3_PlanAndAgree (C3 Plan & agree)",
        "rule H11: C8_UpdateMir in usm-change must be a serviceTask, not a userTask");
  }

  @Test
  void otherProcessesMayNotStartUsmProcessesNorWriteTheMir() {
    assertThat(ModelRules.check(new ModelRules.ProcessModel("shadow-it", Map.of("Task_Fix", "serviceTask",
        "C8_UpdateMir", "serviceTask"), Map.of("Call_1", "usm-change"), Map.of("Task_Fix", "${updateMir}"))))
        .containsExactlyInAnyOrder(
            "rule H9: call activity Call_1 in shadow-it may not start usm-change: USM processes are entered only "
                + "through a workflow or a USM fork",
            "rule H11: C8_UpdateMir belongs to usm-change and exists only there, not in shadow-it",
            "rule H1: Task_Fix in shadow-it may not write the managed infrastructure register; only C8_UpdateMir "
                + "of usm-change does (H11)");
  }

  @Test
  void aWorkflowStartsOnlyItsPatternsEntryProcess() {
    assertThat(ModelRules.check(new ModelRules.ProcessModel("usm-wf4-verhuizing", Map.of("WF_EntryProcess",
        "callActivity"), Map.of("WF_EntryProcess", "usm-recover"), Map.of()))).isEmpty();
    assertThat(ModelRules.check(new ModelRules.ProcessModel("usm-wf4-verhuizing", Map.of("WF_EntryProcess",
        "callActivity"), Map.of("WF_EntryProcess", "usm-operate"), Map.of())))
        .containsExactly("rule H9: workflow usm-wf4-verhuizing (WF4) must start usm-recover at WF_EntryProcess, "
            + "not usm-operate");
  }

  @Test
  void eachRegisterHasOneWriter() {
    assertThat(RegisterWriters.check(RegisterWriters.Register.MANAGED_INFRASTRUCTURE, "usm-change", "C8_UpdateMir"))
        .isEmpty();
    assertThat(RegisterWriters.check(RegisterWriters.Register.MANAGED_INFRASTRUCTURE, "usm-operate",
        "O4_ExecuteActivities")).contains("the managed infrastructure register is written only at C8_UpdateMir of "
        + "usm-change, not at O4_ExecuteActivities of usm-operate");
    assertThat(RegisterWriters.check(RegisterWriters.Register.AGREEMENTS, "usm-agree", "A5_Negotiate")).isEmpty();
    assertThat(RegisterWriters.check(RegisterWriters.Register.AGREEMENTS, null, null))
        .contains("the agreements register is written only at A5_Negotiate of usm-agree, not outside a process");
  }
}
