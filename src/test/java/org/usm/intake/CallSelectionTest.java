package org.usm.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallSelectionTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Test
  void filtersBecomeConditionsWithTheirArgumentsAndDatesIncludeBothDays() {
    CallSelection selection = CallSelection.parse(Map.of("status", "in progress", "type", "service-request",
        "registeredFrom", "2026-12-01", "registeredTo", "2026-12-01", "page", "2"), CallQueryService.PAGING);
    List<Object> args = new ArrayList<>();

    String where = selection.where("c", AMSTERDAM, args);

    assertThat(where).isEqualTo("c.call_type = ? AND c.status = ? AND c.registered_at >= ? AND c.registered_at < ?");
    assertThat(args).containsExactly("service-request", "in progress",
        Timestamp.from(LocalDate.of(2026, 12, 1).atStartOfDay(AMSTERDAM).toInstant()),
        Timestamp.from(LocalDate.of(2026, 12, 2).atStartOfDay(AMSTERDAM).toInstant()));
  }

  @Test
  void whoDoesNotReadEveryCallReadsTheirServicesAndTheirOwn() {
    List<Object> args = new ArrayList<>();

    String where = CallSelection.parse(Map.of(), List.of()).visibleTo("operator", Set.of("verhuizing"))
        .where("c", AMSTERDAM, args);

    assertThat(where).isEqualTo("(c.requester = ? OR c.registered_by = ? OR c.service_id IN (?))");
    assertThat(args).containsExactly("operator", "operator", "verhuizing");
    List<Object> own = new ArrayList<>();
    assertThat(CallSelection.parse(Map.of(), List.of()).visibleTo("inwoner", Set.of()).where("c", AMSTERDAM, own))
        .isEqualTo("(c.requester = ? OR c.registered_by = ?)");
  }

  @Test
  void anUnknownParameterOrAMalformedValueIsRefusedByName() {
    assertThatThrownBy(() -> CallSelection.parse(Map.of("stat", "closed"), List.of()))
        .isInstanceOfSatisfying(CallRejectedException.class, e -> assertThat(e.field()).isEqualTo("stat"))
        .hasMessageContaining("unknown parameter 'stat'");
    assertThatThrownBy(() -> CallSelection.parsePeriod(Map.of("registeredFrom", "2026-01-01")))
        .isInstanceOfSatisfying(CallRejectedException.class, e -> assertThat(e.field()).isEqualTo("registeredFrom"));
    assertThatThrownBy(() -> CallSelection.parsePeriod(Map.of("from", "2026-12-31", "to", "2026-12-01")))
        .isInstanceOfSatisfying(CallRejectedException.class, e -> assertThat(e.field()).isEqualTo("to"))
        .hasMessageContaining("before from");
  }
}
