package org.usm.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.usm.model.CallType;
import org.usm.model.Priority;

/** The links of a service definition (DESIGN §11): each broken rule is refused by its field. */
class ServiceLinksTest {

  private static String demo(String id) throws IOException {
    try (InputStream in = ServiceLinksTest.class.getResourceAsStream("/services/" + id + ".yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The demo's verhuizing without its links, with the given links section appended. */
  private static String verhuizingWith(String links) throws IOException {
    String text = demo("verhuizing");
    return text.substring(0, text.indexOf("\nlinks:")) + "\nlinks:\n" + links;
  }

  private static List<Violation> violations(String yaml) {
    try {
      new ServiceDefinitionReader().read("services/verhuizing.yaml",
          new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "verhuizing");
      return List.of();
    } catch (InvalidServiceDefinitionException e) {
      return e.violations();
    }
  }

  private static final String AGREEMENT = "    handlingTimes: {service-request: {P1: PT8H, P2: P1D, P3: P3D, P4: P5D}}\n";

  @Test
  void theDemoChainsReadWithTheirAgreements() throws IOException {
    ServiceDefinitionReader reader = new ServiceDefinitionReader();
    ServiceDefinition verhuizing = reader.read("verhuizing", new ByteArrayInputStream(demo("verhuizing")
        .getBytes(StandardCharsets.UTF_8)), "verhuizing");
    ServiceDefinition.Link afval = verhuizing.link("afval").orElseThrow();
    assertThat(afval.isExternal()).isFalse();
    assertThat(afval.service()).isEqualTo("afvalinzameling");
    assertThat(afval.takes(CallType.SERVICE_REQUEST)).isTrue();
    assertThat(afval.takes(CallType.INCIDENT)).isFalse();
    assertThat(afval.handlingTime(CallType.SERVICE_REQUEST, Priority.P2)).isEqualTo(Duration.ofDays(1));

    ServiceDefinition werkplek = reader.read("werkplek", new ByteArrayInputStream(demo("werkplek")
        .getBytes(StandardCharsets.UTF_8)), "werkplek");
    ServiceDefinition.Link supplier = werkplek.link("it-leverancier").orElseThrow();
    assertThat(supplier.isExternal()).isTrue();
    assertThat(supplier.user()).isEqualTo("middenstad");
    assertThat(supplier.passwordFrom()).isEqualTo("USM_LINK_IT_LEVERANCIER_PASSWORD");
    assertThat(supplier.handlingTime(CallType.INCIDENT, Priority.P1)).isEqualTo(Duration.ofHours(4));

    assertThat(reader.read("wmo", new ByteArrayInputStream(demo("wmo-voorziening").getBytes(StandardCharsets.UTF_8)),
        "wmo-voorziening").links()).as("a service without links names none").isEmpty();
  }

  @Test
  void aLinkNeedsAPlainUniqueIdANameAndAServiceOtherThanItself() throws IOException {
    assertThat(violations(verhuizingWith("""
          - id: Afval!
            name: Afval
            service: afvalinzameling
            callTypes: [service-request]
        """ + AGREEMENT + """
          - id: afval2
            service: verhuizing
            callTypes: [service-request]
        """ + AGREEMENT + """
          - id: afval2
            name: Twee
            service: afvalinzameling
            callTypes: [service-request]
        """ + AGREEMENT)))
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("links[0].id", "links[1].name", "links[1].service", "links[2].id");
  }

  @Test
  void anExternalLinkNamesItsAddressAccountAndTheVariableOfItsPasswordAndAnInternalOneNone() throws IOException {
    List<Violation> violations = violations(verhuizingWith("""
          - id: leverancier
            name: Leverancier
            url: ftp://leverancier.example
            service: werkplek
            callTypes: [service-request]
        """ + AGREEMENT + """
          - id: leverancier2
            name: Leverancier
            url: https://leverancier.example
            service: werkplek
            user: middenstad
            passwordFrom: "geheim wachtwoord"
            callTypes: [service-request]
        """ + AGREEMENT + """
          - id: afval
            name: Afval
            service: afvalinzameling
            user: middenstad
            passwordFrom: USM_LINK_AFVAL_PASSWORD
            callTypes: [service-request]
        """ + AGREEMENT));
    assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder("links[0].url", "links[0].user",
        "links[0].passwordFrom", "links[1].passwordFrom", "links[2].user", "links[2].passwordFrom");
    assertThat(violations).filteredOn(v -> v.field().equals("links[1].passwordFrom")).singleElement()
        .extracting(Violation::rule).asString().contains("the name of an environment variable or property");
  }

  @Test
  void aLinkTakesKnownCallTypesEachWithAnAgreedHandlingTimePerPriorityAndNoOthers() throws IOException {
    List<Violation> violations = violations(verhuizingWith("""
          - id: afval
            name: Afval
            service: afvalinzameling
            callTypes: [service-request, klacht, incident]
            handlingTimes:
              service-request: {P1: PT8H, P2: P1D, P3: P3D, P4: PT1H}
              rfc: {P1: PT8H, P2: P1D, P3: P3D, P4: P5D}
        """));
    assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder("links[0].callTypes[1]",
        "links[0].handlingTimes.service-request.P4", "links[0].handlingTimes.rfc", "links[0].handlingTimes.incident");
    assertThat(violations).filteredOn(v -> v.field().equals("links[0].handlingTimes.rfc")).singleElement()
        .extracting(Violation::rule).asString().contains("a call type the link does not take");
  }

  @Test
  void whereTheDefinitionIsStoredAnInternalLinkNamesAnActiveServiceAndAnExternalOneAPasswordThatIsSet()
      throws IOException {
    ServiceDefinition werkplek = new ServiceDefinitionReader().read("werkplek", new ByteArrayInputStream(
        demo("werkplek").getBytes(StandardCharsets.UTF_8)), "werkplek");
    assertThat(ServiceDefinitionValidator.checkLinkTargets(werkplek, id -> true, name -> false))
        .singleElement().satisfies(v -> {
          assertThat(v.field()).isEqualTo("links[0].passwordFrom");
          assertThat(v.rule()).contains("'USM_LINK_IT_LEVERANCIER_PASSWORD', which is not set");
        });
    assertThat(ServiceDefinitionValidator.checkLinkTargets(werkplek, id -> true, name -> true)).isEmpty();

    ServiceDefinition verhuizing = new ServiceDefinitionReader().read("verhuizing", new ByteArrayInputStream(
        demo("verhuizing").getBytes(StandardCharsets.UTF_8)), "verhuizing");
    assertThat(ServiceDefinitionValidator.checkLinkTargets(verhuizing, Set.of("werkplek")::contains, name -> true))
        .singleElement().satisfies(v -> {
          assertThat(v.field()).isEqualTo("links[0].service");
          assertThat(v.rule()).contains("names service 'afvalinzameling', which this product does not run");
        });
    assertThat(ServiceDefinitionValidator.checkLinkTargets(verhuizing, Set.of("afvalinzameling")::contains,
        name -> false)).isEmpty();
  }
}
