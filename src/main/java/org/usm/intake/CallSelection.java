package org.usm.intake;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.usm.model.CallType;
import org.usm.model.WorkflowPattern;

/**
 * Which calls a list or a chain figure covers (DESIGN §8): the filters asked for, within what the user
 * may read. Parsed from request parameters, so that a wrong filter is an error naming it rather than an
 * empty or silently wider answer.
 *
 * @param trackingNumber the start of the tracking numbers asked for ({@code INC-2026} or a whole one)
 * @param services null when the user reads every call; else the services whose calls the user reads
 * @param userId the user who reads their own calls (registered or requested), null when unrestricted
 */
public record CallSelection(String trackingNumber, String serviceId, CallType type, WorkflowPattern pattern, CallStatus status,
    String requester, LocalDate registeredFrom, LocalDate registeredTo, Set<String> services, String userId) {

  /** Every filter the list and the figures accept, besides paging. */
  public static final List<String> FILTERS =
      List.of("trackingNumber", "serviceId", "type", "pattern", "status", "requester", "registeredFrom",
          "registeredTo");

  /**
   * The selection the parameters ask for; {@code allowed} names further parameters the caller reads
   * itself (paging). An unknown parameter or a malformed value is refused, naming it.
   */
  public static CallSelection parse(Map<String, String> parameters, Collection<String> allowed) {
    return parse(parameters, FILTERS, allowed, "registeredFrom", "registeredTo");
  }

  /**
   * The selection of a period's figures: the calls registered from {@code from} to {@code to} (both
   * days included) of a service, type or pattern.
   */
  public static CallSelection parsePeriod(Map<String, String> parameters) {
    return parse(parameters, PERIOD_FILTERS, List.of(), "from", "to");
  }

  /** Every filter the chain figures accept. */
  public static final List<String> PERIOD_FILTERS = List.of("serviceId", "type", "pattern", "from", "to");

  private static CallSelection parse(Map<String, String> parameters, List<String> filters,
      Collection<String> allowed, String fromName, String toName) {
    for (String name : parameters.keySet()) {
      if (!filters.contains(name) && !allowed.contains(name)) {
        throw invalid(name, "unknown parameter '" + name + "'; the filters are " + String.join(", ", filters)
            + (allowed.isEmpty() ? "" : ", with " + String.join(", ", allowed)));
      }
    }
    LocalDate from = value(parameters, fromName, CallSelection::date, "a date like 2026-12-01");
    LocalDate to = value(parameters, toName, CallSelection::date, "a date like 2026-12-31");
    if (from != null && to != null && to.isBefore(from)) {
      throw invalid(toName, toName + " (" + to + ") is before " + fromName + " (" + from + ")");
    }
    return new CallSelection(
        value(parameters, "trackingNumber", text -> text.matches("[A-Za-z0-9-]{1,20}") ? text.toUpperCase() : null,
            "(the start of) a tracking number like INC-2026-000042"),
        value(parameters, "serviceId", text -> text, null),
        value(parameters, "type", text -> CallType.fromId(text).orElse(null), "one of wish, rfc, incident, "
            + "service-request, risk"),
        value(parameters, "pattern", CallSelection::pattern, "one of WF1 … WF8"),
        value(parameters, "status", CallSelection::status, "one of registered, in progress, fulfilled, closed, "
            + "re-routed, cancelled, withdrawn, reclassified"),
        value(parameters, "requester", text -> text, null),
        from, to, null, null);
  }

  /** This selection over the period from {@code from} to {@code to}, both days included. */
  public CallSelection during(LocalDate from, LocalDate to) {
    return new CallSelection(trackingNumber, serviceId, type, pattern, status, requester, from, to, services,
        userId);
  }

  /** This selection, narrowed to what a user who does not read every call may read. */
  public CallSelection visibleTo(String user, Set<String> servicesRead) {
    return new CallSelection(trackingNumber, serviceId, type, pattern, status, requester, registeredFrom,
        registeredTo, Set.copyOf(servicesRead), user);
  }

  /**
   * The SQL condition on {@code usm_call} (as {@code alias}) for this selection, its arguments added to
   * {@code args}; dates are days in {@code zone}, both ends included.
   */
  public String where(String alias, ZoneId zone, List<Object> args) {
    List<String> conditions = new ArrayList<>();
    condition(conditions, args, alias + ".tracking_number LIKE ?", trackingNumber == null ? null : trackingNumber + "%");
    condition(conditions, args, alias + ".service_id = ?", serviceId);
    condition(conditions, args, alias + ".call_type = ?", type == null ? null : type.id());
    condition(conditions, args, alias + ".pattern = ?", pattern == null ? null : pattern.name());
    condition(conditions, args, alias + ".status = ?", status == null ? null : status.label());
    condition(conditions, args, alias + ".requester = ?", requester);
    condition(conditions, args, alias + ".registered_at >= ?",
        registeredFrom == null ? null : Timestamp.from(registeredFrom.atStartOfDay(zone).toInstant()));
    condition(conditions, args, alias + ".registered_at < ?",
        registeredTo == null ? null : Timestamp.from(registeredTo.plusDays(1).atStartOfDay(zone).toInstant()));
    if (userId != null) {
      List<String> readable = new ArrayList<>(List.of(alias + ".requester = ?", alias + ".registered_by = ?"));
      args.add(userId);
      args.add(userId);
      if (!services.isEmpty()) {
        readable.add(alias + ".service_id IN (" + String.join(", ", services.stream().map(s -> "?").toList()) + ")");
        args.addAll(services);
      }
      conditions.add("(" + String.join(" OR ", readable) + ")");
    }
    return conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions);
  }

  private static void condition(List<String> conditions, List<Object> args, String sql, Object value) {
    if (value != null) {
      conditions.add(sql);
      args.add(value);
    }
  }

  /** A parameter's value, parsed; null when absent or blank. */
  private static <T> T value(Map<String, String> parameters, String name, Function<String, T> parse,
      String expected) {
    String text = parameters.get(name);
    if (text == null || text.isBlank()) {
      return null;
    }
    T value = parse.apply(text.trim());
    if (value == null) {
      throw invalid(name, name + " must be " + expected + " (got '" + text + "')");
    }
    return value;
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static WorkflowPattern pattern(String text) {
    try {
      return WorkflowPattern.valueOf(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static CallStatus status(String text) {
    try {
      return CallStatus.fromLabel(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static CallRejectedException invalid(String field, String message) {
    return new CallRejectedException(CallRejectedException.Reason.INVALID, field, message);
  }
}
