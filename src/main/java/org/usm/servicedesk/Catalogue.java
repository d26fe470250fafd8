package org.usm.servicedesk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.usm.definition.ServiceDefinition;
import org.usm.model.CallType;

/**
 * The service catalogue as the service desk and requesters read it (DESIGN §14): the services that take new
 * calls, what each offers and which call types it takes now. Texts are the definition's own, written in the
 * service's language. Plain Java over the definitions, so the rules are testable without a server.
 */
public final class Catalogue {

  private Catalogue() {}

  /**
   * One service: {@code offers} are the goods and actions of its facility, in {@code language}, the language its
   * definition is written in; {@code callTypes} the types a call for it may have today (a change only while an
   * agreement is in force, rule H2).
   */
  public record Entry(String id, String name, String description, String language, List<String> offers,
      List<String> callTypes) {}

  /**
   * The entries of the active services, by name.
   *
   * @param activeServices the current definitions of the services that are not retired
   * @param hasActiveAgreement whether the agreements register holds an agreement in force for the service today
   */
  public static List<Entry> of(List<ServiceDefinition> activeServices, java.util.function.Predicate<String> hasActiveAgreement) {
    return activeServices.stream()
        .map(service -> entry(service, hasActiveAgreement.test(service.id())))
        .sorted(Comparator.comparing(Entry::name, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }

  static Entry entry(ServiceDefinition service, boolean agreementInForce) {
    List<String> offers = new ArrayList<>();
    if (service.facility() != null) {
      offers.addAll(nullToEmpty(service.facility().goods()));
      offers.addAll(nullToEmpty(service.facility().actions()));
    }
    List<String> types = Arrays.stream(CallType.values())
        .filter(type -> service.sla() != null && service.sla().containsKey(type.id()))
        .filter(type -> type != CallType.RFC || agreementInForce)
        .map(CallType::id)
        .toList();
    return new Entry(service.id(), service.name(), service.description(), service.spokenLanguage().code(),
        List.copyOf(offers), types);
  }

  private static List<String> nullToEmpty(List<String> list) {
    return list == null ? List.of() : list;
  }
}
