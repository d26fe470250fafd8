package org.usm.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.usm.definition.ServiceDefinition;
import org.usm.definition.ServiceDefinitionReader;
import org.usm.intake.CallAccess;
import org.usm.security.UsmGroups;

/** The catalogue the service desk page offers, and who may name whom as requester (rule H12). */
class CatalogueTest {

  private static ServiceDefinition service(String id) throws IOException {
    try (InputStream yaml = CatalogueTest.class.getResourceAsStream("/services/" + id + ".yaml")) {
      return new ServiceDefinitionReader().read("services/" + id + ".yaml", yaml, id);
    }
  }

  @Test
  void anEntryShowsWhatTheServiceOffersAndTheCallTypesItTakes() throws IOException {
    ServiceDefinition verhuizing = service("verhuizing");
    Catalogue.Entry entry = Catalogue.of(List.of(verhuizing), id -> true).get(0);
    assertThat(entry.id()).isEqualTo("verhuizing");
    assertThat(entry.name()).isEqualTo("Verhuizing doorgeven");
    assertThat(entry.description()).startsWith("Inwoners geven een verhuizing");
    assertThat(entry.language()).as("the demo services are Dutch").isEqualTo("nl");
    assertThat(entry.offers()).contains("Adreswijziging in de Basisregistratie Personen (BRP)",
        "Verhuizing controleren en verwerken");
    assertThat(entry.callTypes()).containsExactly("wish", "rfc", "incident", "service-request", "risk");
  }

  @Test
  void aServiceWithoutAnAgreementInForceTakesNoChangeRequest() throws IOException {
    Catalogue.Entry entry = Catalogue.of(List.of(service("verhuizing")), id -> false).get(0);
    assertThat(entry.callTypes()).as("rule H2: no RFC without an agreement").doesNotContain("rfc").contains("wish");
  }

  @Test
  void theCatalogueIsSortedByName() throws IOException {
    List<Catalogue.Entry> entries = Catalogue.of(List.of(service("werkplek"), service("verhuizing")), id -> true);
    assertThat(entries).extracting(Catalogue.Entry::name).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
  }

  @Test
  void aPlainRequesterNamesOnlyThemselvesTheServiceDeskAndTheServicesCoordinatorsNameAnyone() throws IOException {
    ServiceDefinition verhuizing = service("verhuizing");
    Set<String> requester = Set.of(UsmGroups.REQUESTERS);
    assertThat(CallAccess.mayNameRequester("jan", requester, verhuizing, "jan")).isTrue();
    assertThat(CallAccess.mayNameRequester("jan", requester, verhuizing, "piet")).isFalse();
    assertThat(CallAccess.mayNameRequester("desk", Set.of(UsmGroups.SERVICE_DESK), verhuizing, "piet")).isTrue();
    assertThat(CallAccess.mayNameRequester("c", Set.of("publieksdiensten-coordinatoren"), verhuizing, "piet")).isTrue();
    assertThat(CallAccess.mayNameRequester("o", Set.of("publieksdiensten-burgerzaken"), verhuizing, "piet"))
        .as("an operator works the call; the service desk or a coordinator registers for others").isFalse();
    assertThat(CallAccess.mayNameRequester("c", Set.of("it-servicemanagement"), verhuizing, "piet"))
        .as("another service's coordinator").isFalse();
  }

  @Test
  void onlyThoseWhoNameOthersLookRequestersUp() throws IOException {
    List<ServiceDefinition> services = List.of(service("verhuizing"), service("werkplek"));
    assertThat(CallAccess.searchesRequesters(Set.of(UsmGroups.SERVICE_DESK), services)).isTrue();
    assertThat(CallAccess.searchesRequesters(Set.of(UsmGroups.ADMINS), services)).isTrue();
    assertThat(CallAccess.searchesRequesters(Set.of("it-servicemanagement"), services)).isTrue();
    assertThat(CallAccess.searchesRequesters(Set.of(UsmGroups.REQUESTERS), services)).isFalse();
    assertThat(CallAccess.searchesRequesters(Set.of(UsmGroups.AUDITORS, "it-werkplekbeheer"), services)).isFalse();
  }
}
