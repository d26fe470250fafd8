package org.usm.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.usm.language.Language;
import org.usm.model.CallType;
import org.usm.model.Priority;
import org.usm.model.UsmProcess;

/** Reading and checking service definitions: every refusal names the file, the field and the rule. */
class ServiceDefinitionReaderTest {

  private final ServiceDefinitionReader reader = new ServiceDefinitionReader();

  private static String demo(String id) throws IOException {
    try (InputStream in = ServiceDefinitionReaderTest.class.getResourceAsStream("/services/" + id + ".yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private ServiceDefinition read(String yaml, String expectedId) {
    return reader.read("services/" + expectedId + ".yaml",
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), expectedId);
  }

  private void assertRefused(String yaml, String expectedId, String message) {
    assertThatThrownBy(() -> read(yaml, expectedId))
        .isInstanceOf(InvalidServiceDefinitionException.class)
        .hasMessageContaining("Service definition services/" + expectedId + ".yaml is invalid")
        .hasMessageContaining(message);
  }

  @Test
  void demoServiceReadsWithItsBindingsAndHandlingTimes() throws IOException {
    ServiceDefinition verhuizing = read(demo("verhuizing"), "verhuizing");
    assertThat(verhuizing.name()).isEqualTo("Verhuizing doorgeven");
    assertThat(verhuizing.roleBinding(UsmProcess.RECOVER).operators())
        .containsExactly("publieksdiensten-burgerzaken", "ict-applicatiebeheer");
    assertThat(verhuizing.handlingTime(CallType.INCIDENT, Priority.P1)).isEqualTo(Duration.ofHours(4));
    assertThat(verhuizing.components()).extracting(ServiceDefinition.Component::id).contains("brp-koppeling");
    assertThat(verhuizing.agreement().isActiveOn(LocalDate.of(2026, 6, 1))).isTrue();
    assertThat(verhuizing.agreement().isActiveOn(LocalDate.of(2025, 12, 31))).isFalse();
  }

  @Test
  void aServiceNarrowsWhoWorksAStepButNeverLetsACoordinatorExecuteNorAnOperatorDecide() throws IOException {
    ServiceDefinition werkplek = read(demo("werkplek"), "werkplek");
    assertThat(werkplek.stepGroups()).containsEntry("C5_TestAndRelease", java.util.List.of("it-werkplekbeheer"));

    String verhuizing = demo("verhuizing");
    assertThat(read(verhuizing + "steps:\n  C5_TestAndRelease: [ict-applicatiebeheer]\n", "verhuizing").stepGroups())
        .containsKey("C5_TestAndRelease");
    assertRefused(verhuizing + "steps:\n  C5_TestAndRelease: [publieksdiensten-coordinatoren]\n", "verhuizing",
        "field 'steps.C5_TestAndRelease[0]': 'publieksdiensten-coordinatoren' is not one of the operators of change "
            + "(ict-applicatiebeheer)");
    assertRefused(verhuizing + "steps:\n  R4_PrepareRecovery: [ict-applicatiebeheer]\n", "verhuizing",
        "operators do not decide what coordinators decide");
    assertRefused(verhuizing + "steps:\n  C8_UpdateMir: [ict-applicatiebeheer]\n", "verhuizing",
        "field 'steps.C8_UpdateMir': is not a USM user task step");
    assertRefused(verhuizing.replace("operators: [ict-applicatiebeheer]\n  recover:",
        "operators: [ict-applicatiebeheer, publieksdiensten-coordinatoren]\n  recover:"), "verhuizing",
        "field 'roles.change.operators': must not list the coordinators group 'publieksdiensten-coordinatoren'");
  }

  /** The language a service's users read (DESIGN §14): nl or en, English where the definition names none. */
  @Test
  void aServiceSpeaksDutchOrEnglishAndNothingElse() throws IOException {
    assertThat(read(demo("verhuizing"), "verhuizing").spokenLanguage()).isEqualTo(Language.NL);
    assertThat(read(demo("verhuizing").replace("language: nl\n", "language: en\n"), "verhuizing").spokenLanguage())
        .isEqualTo(Language.EN);
    assertThat(read(demo("verhuizing").replace("language: nl\n", ""), "verhuizing").spokenLanguage())
        .isEqualTo(Language.EN);
    assertRefused(demo("verhuizing").replace("language: nl\n", "language: fr\n"), "verhuizing",
        "field 'language': must be one of nl, en (got 'fr')");
    assertRefused(demo("verhuizing").replace("language: nl\n", "language: NL\n"), "verhuizing",
        "field 'language': must be one of nl, en (got 'NL')");
  }

@Test
  void aDurationThatIsNotIso8601IsRefusedWithItsField() throws IOException {
    assertRefused(demo("verhuizing").replace("incident:        {P1: PT4H", "incident:        {P1: vier uur"),
        "verhuizing", "field 'sla.incident.P1': must be an ISO-8601 duration such as PT4H or P2D (got 'vier uur')");
  }

  @Test
  void anSlaForAPriorityThatDoesNotExistIsRefused() throws IOException {
    assertRefused(demo("verhuizing").replace("incident:        {P1: PT4H,", "incident:        {P0: PT1H, P1: PT4H,"),
        "verhuizing", "field 'sla.incident.P0': is not a priority (P1, P2, P3, P4)");
  }

  @Test
  void aHigherPriorityMayNotWaitLongerThanALowerOne() throws IOException {
    assertRefused(demo("verhuizing").replace("incident:        {P1: PT4H, P2: PT8H", "incident:        {P1: PT4H, P2: PT2H"),
        "verhuizing", "field 'sla.incident.P2': must not be shorter than the handling time of the higher priority");
  }

  @Test
  void everyProcessNeedsItsRoleBinding() throws IOException {
    String withoutImprove = demo("werkplek").replace("  improve:\n    coordinators: it-servicemanagement\n", "  verbeteren:\n    coordinators: it-servicemanagement\n");
    assertRefused(withoutImprove, "werkplek", "field 'roles.verbeteren': is not a USM process");
    assertRefused(withoutImprove, "werkplek", "field 'roles.improve': is required");
  }

  @Test
  void theIdMustMatchTheFileNameAndThePattern() throws IOException {
    assertRefused(demo("werkplek"), "laptop", "field 'id': must equal the file name 'laptop' (got 'werkplek')");
    assertRefused(demo("werkplek").replace("id: werkplek", "id: Werkplek_2"), "Werkplek_2",
        "field 'id': must match [a-z][a-z0-9-]{1,40}");
  }

  @Test
  void anUnknownFieldIsRefusedRatherThanIgnored() throws IOException {
    assertRefused(demo("werkplek").replace("owner: ketenregie-werkplek", "owner: ketenregie-werkplek\neigenaar: IT"),
        "werkplek", "field 'eigenaar': is not a field of a service definition");
  }

  @Test
  void componentsMustBeUniqueAndAnAgreementIsRequired() throws IOException {
    String twice = demo("werkplek").replace("{id: laptoppool,", "{id: werkplek-image,");
    assertRefused(twice, "werkplek", "field 'components[1].id': must be unique within the service");
    String noAgreement = demo("werkplek").substring(0, demo("werkplek").indexOf("agreement:"));
    assertRefused(noAgreement, "werkplek", "field 'agreement': is required");
  }

  @Test
  void allViolationsOfAFileAreReportedTogether() throws IOException {
    String broken = demo("werkplek").replace("owner: ketenregie-werkplek", "owner: \"\"")
        .replace("risk:            {P1: P3D", "risk:            {P1: soon");
    assertThatThrownBy(() -> read(broken, "werkplek"))
        .hasMessageContaining("field 'owner': is required")
        .hasMessageContaining("field 'sla.risk.P1'");
  }
}
