package org.usm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.usm.model.Step.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The expanded paths of REFERENCE §5.1, written out, against what the vocabulary derives. */
class WorkflowPatternTest {

  @Test
  void wf4IsRecoverWithOperateInsertedAtTheFork() {
    assertThat(WorkflowPattern.WF4.path()).containsExactly(
        R1_AcceptIncident, R2_Classify, R3_Analyze, R4_PrepareRecovery, R5_Recover,
        O1_AcceptServiceRequest, O2_Classify, O3_PlanActivities, O4_ExecuteActivities, O5_ReviewDelivery,
        O6_EvaluateAndClose,
        R6_ReviewDelivery, R7_EvaluateAndClose);
  }

  @Test
  void wf6NestsAWholeWf1InsideImprove() {
    List<Step> path = WorkflowPattern.WF6.path();
    assertThat(path).startsWith(I1_IdentifyRisk, I2_Classify, I3_DetermineCause, I4_SelectMeasure, I5_DeployMeasure,
        A1_AcceptWish);
    assertThat(path.subList(5, path.size() - 2)).containsExactlyElementsOf(WorkflowPattern.WF1.path());
    assertThat(path).endsWith(I6_ReviewDelivery, I7_EvaluateAndClose);
  }

  @Test
  void wf1RealisesThroughChangeWhichDeploysThroughOperate() {
    assertThat(WorkflowPattern.WF1.path()).containsSubsequence(A6_Realize, C1_AcceptRfc, C6_Deploy,
        O1_AcceptServiceRequest, O6_EvaluateAndClose, C7_ReviewDelivery, C8_UpdateMir, C9_EvaluateAndClose,
        A7_ReviewDelivery, A8_EvaluateAndClose);
    assertThat(WorkflowPattern.WF1.path()).hasSize(8 + 9 + 6);
  }

  @Test
  void wf5IsOperateAlone() {
    assertThat(WorkflowPattern.WF5.path()).containsExactlyElementsOf(Step.of(UsmProcess.OPERATE));
  }

  @Test
  void patternIsTheEntryProcessPlusTheDecidedRoute() {
    assertThat(WorkflowPattern.of(UsmProcess.RECOVER, UsmProcess.CHANGE)).isEqualTo(WorkflowPattern.WF3);
    assertThat(WorkflowPattern.of(UsmProcess.RECOVER, UsmProcess.OPERATE)).isEqualTo(WorkflowPattern.WF4);
    assertThat(WorkflowPattern.of(UsmProcess.IMPROVE, UsmProcess.AGREE)).isEqualTo(WorkflowPattern.WF6);
    assertThat(WorkflowPattern.of(UsmProcess.CHANGE, null)).isEqualTo(WorkflowPattern.WF2);
    assertThat(WorkflowPattern.WF7.keyFor("werkplek")).isEqualTo("usm-wf7-werkplek");
    assertThat(WorkflowPattern.WF3.nameFor("Verhuizing doorgeven"))
        .isEqualTo("WF3 Incidents with changes to managed resources · Verhuizing doorgeven");
  }
}
