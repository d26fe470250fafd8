package org.usm.servicedesk;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.springframework.stereotype.Service;
import org.usm.definition.ServiceCatalog;
import org.usm.definition.ServiceVersions;
import org.usm.engine.Actor;
import org.usm.intake.CallAccess;
import org.usm.intake.CallRejectedException;
import org.usm.intake.CallRejectedException.Reason;
import org.usm.register.AgreementRegister;
import org.usm.security.SystemAccess;
import org.usm.security.UsmGroups;

/**
 * What the service desk page reads besides the calls (DESIGN §14): who the user is, the catalogue, and the
 * requesters the service desk may name. Registering and reading calls go through intake's own API.
 */
@Service
public class ServiceDesk {

  /** The fewest characters a requester search takes, and the most users it answers. */
  public static final int MIN_SEARCH = 2;
  public static final int MAX_SEARCH = 100;
  public static final int MAX_REQUESTERS = 20;

  private final ServiceCatalog catalog;
  private final ServiceVersions versions;
  private final AgreementRegister agreements;
  private final IdentityService identityService;
  private final Clock clock;

  public ServiceDesk(ServiceCatalog catalog, ServiceVersions versions, AgreementRegister agreements,
      IdentityService identityService, Clock clock) {
    this.catalog = catalog;
    this.versions = versions;
    this.agreements = agreements;
    this.identityService = identityService;
    this.clock = clock;
  }

  /** A user as the requester field shows it. */
  public record Requester(String id, String name) {}

  /**
   * The session's user: {@code registersForOthers} when they may name another requester (the page then offers
   * the requester search), {@code administrator} when Tasklist's own "Start process" and "Create task" stay.
   */
  public record Me(String userId, String name, List<String> groups, boolean registersForOthers,
      boolean administrator) {}

  public Me me() {
    Actor user = user();
    String name = SystemAccess.run(identityService, () -> nameOf(identityService.createUserQuery()
        .userId(user.userId()).singleResult()));
    return new Me(user.userId(), name == null ? user.userId() : name, user.groupIds(), searches(user),
        user.groupIds().contains(UsmGroups.ADMINS));
  }

  /** The active services, as the catalogue shows them. */
  public List<Catalogue.Entry> catalogue() {
    LocalDate today = LocalDate.now(clock);
    return Catalogue.of(versions.latest().stream()
            .filter(version -> version.state() == ServiceVersions.State.ACTIVE)
            .map(catalog::definitionOf).toList(),
        serviceId -> agreements.activeOn(serviceId, today).isPresent());
  }

  /**
   * Users whose id is {@code search} or whose first name, last name or e-mail address contains it, for those who
   * may name another requester (CallAccess.searchesRequesters); others 403, as the answer tells which users exist.
   */
  public List<Requester> requesters(String search) {
    Actor user = user();
    if (!searches(user)) {
      throw new CallRejectedException(Reason.FORBIDDEN, "search", "rule H12: only the service desk, coordinators "
          + "and administrators look requesters up; user '" + user.userId() + "' registers calls for themselves");
    }
    String text = search == null ? "" : search.strip();
    if (text.length() < MIN_SEARCH || text.length() > MAX_SEARCH) {
      throw new CallRejectedException(Reason.INVALID, "search", "search must be " + MIN_SEARCH + " to " + MAX_SEARCH
          + " characters of a user's id, name or e-mail address (got '" + text + "')");
    }
    String like = "%" + text.replace("%", "").replace("_", "") + "%";
    // As the product: the service desk needs no grant to read the engine's users for this one field.
    return SystemAccess.run(identityService, () -> {
      Map<String, User> found = new LinkedHashMap<>();
      List<UserQuery> queries = new ArrayList<>(List.of(identityService.createUserQuery().userId(text),
          identityService.createUserQuery().userFirstNameLike(like),
          identityService.createUserQuery().userLastNameLike(like),
          identityService.createUserQuery().userEmailLike(like)));
      queries.forEach(query -> query.listPage(0, MAX_REQUESTERS).forEach(u -> found.putIfAbsent(u.getId(), u)));
      return found.values().stream()
          .map(u -> new Requester(u.getId(), nameOf(u)))
          .sorted(Comparator.comparing(Requester::id))
          .limit(MAX_REQUESTERS)
          .toList();
    });
  }

  private boolean searches(Actor user) {
    return CallAccess.searchesRequesters(user.groupIds(), catalog.all());
  }

  private Actor user() {
    return Actor.current(identityService).orElseThrow(() -> new CallRejectedException(Reason.FORBIDDEN, null,
        "the service desk answers logged-in users only"));
  }

  private static String nameOf(User user) {
    if (user == null) {
      return null;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? user.getId() : name;
  }
}
