package org.usm.intake;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.usm.instantiation.ServiceWorkflowsAtStartup;

class CallControllerTest {

  @Test
  void whileTheProductIsStartingIntakeAnswersUnavailableAndRegistersNothing() {
    CallIntakeService intake = mock(CallIntakeService.class);
    ServiceWorkflowsAtStartup workflows = mock(ServiceWorkflowsAtStartup.class);
    when(workflows.isReady()).thenReturn(false);

    assertThatThrownBy(() -> new CallController(intake, mock(CallQueryService.class), workflows, mock(CallWithdrawal.class),
        mock(CallConfirmation.class))
        .register(new CallRequest("verhuizing", "incident", "x", "inwoner", null, null, null, null, null)))
        .isInstanceOfSatisfying(CallRejectedException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.reason()).isEqualTo(CallRejectedException.Reason.UNAVAILABLE))
        .hasMessageContaining("the product is starting");
    verifyNoInteractions(intake);
  }
}
