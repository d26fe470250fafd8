package org.usm.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.usm.definition.ServiceDefinition;
import org.usm.definition.ServiceDefinitionReader;
import org.usm.intake.CallRejectedException;
import org.usm.security.UsmGroups;

/** Who reads the Calls, Chain and Report pages, and the refusal everybody else gets (not an empty list). */
class CallPagesTest {

  private static List<ServiceDefinition> verhuizing() throws IOException {
    try (InputStream in = CallPagesTest.class.getResourceAsStream("/services/verhuizing.yaml")) {
      return List.of(new ServiceDefinitionReader().read("verhuizing", in, "verhuizing"));
    }
  }

  @Test
  void auditorsOwnersAndTheServicesTeamsReadThePages() throws IOException {
    List<ServiceDefinition> services = verhuizing();
    assertThat(CallPages.readable("auditor", List.of(UsmGroups.AUDITORS), services)).isTrue();
    assertThat(CallPages.readable("admin", List.of(UsmGroups.ADMINS), services)).isTrue();
    assertThat(CallPages.readable("owner", List.of("ketenregie-burgerzaken"), services)).isTrue();
    assertThat(CallPages.readable("operator", List.of("publieksdiensten-burgerzaken"), services)).isTrue();
  }

  @Test
  void aDesignerIsRefusedWith403NotGivenAnEmptyList() throws IOException {
    assertThat(CallPages.readable("designer", List.of(UsmGroups.DESIGNERS), verhuizing())).isFalse();
    assertThatThrownBy(() -> CallPages.requireReadable("designer", List.of(UsmGroups.DESIGNERS), verhuizing()))
        .isInstanceOfSatisfying(CallRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(CallRejectedException.Reason.FORBIDDEN))
        .hasMessageContaining("for auditors");
  }
}
