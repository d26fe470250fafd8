package org.usm.register;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;
import org.usm.definition.ServiceDefinition;
import org.usm.engine.EngineContext;
import org.usm.model.CallVariables;
import org.usm.model.ComponentIds;

/**
 * The managed infrastructure register (MIR): the components (MICs) of every service and the history of
 * their changes. Seeded once from the service definition; after that written only by Change at
 * C8_UpdateMir, from what the change declared (rules H1, H11).
 */
@Component
public class ManagedInfrastructureRegister {

  /** A component as registered now. */
  public record Component(String serviceId, String componentId, String name, String type, int version,
      Instant updatedAt, String updatedByCall) {}

  /** One recorded modification of the managed infrastructure. */
  public record MirChange(String serviceId, String componentId, String trackingNumber, String description,
      Instant changedAt, String changedBy) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final RegisterGuard guard;
  private final AuditTrail audit;

  public ManagedInfrastructureRegister(JdbcTemplate jdbc, Clock clock, RegisterGuard guard,
      AuditTrail audit) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.guard = guard;
    this.audit = audit;
  }

  /** Registers the components a service starts with; components already registered are kept as they are. */
  public void seed(ServiceDefinition service) {
    for (ServiceDefinition.Component component : service.components()) {
      if (find(service.id(), component.id()).isEmpty()) {
        jdbc.update("""
            INSERT INTO usm_mir_component (service_id, component_id, name, component_type, version, updated_at)
            VALUES (?, ?, ?, ?, 1, ?)""",
            service.id(), component.id(), component.name(), component.type(), Timestamp.from(clock.instant()));
      }
    }
  }

  /**
   * Registers what a deployed change declared at C3 in {@code changedComponents}, exactly that: a new version
   * of each named component and one history entry each (or one for the service for a change from before
   * the declaration was required). Refused (H1) unless called from C8_UpdateMir of usm-change.
   */
  public void registerChange(DelegateExecution change) {
    guard.ensureWriter(RegisterWriters.Register.MANAGED_INFRASTRUCTURE, change);
    String user = EngineContext.authenticatedUser(change);
    String serviceId = (String) change.getVariable(CallVariables.SERVICE_ID);
    String trackingNumber = change.getProcessBusinessKey();
    String description = truncate(firstText(change, CallVariables.RFC_DESCRIPTION,
        CallVariables.MEASURE_DESCRIPTION, CallVariables.SUMMARY), 2000);
    Timestamp now = Timestamp.from(clock.instant());
    List<String> declared = ComponentIds.parse(change.getVariable(CallVariables.CHANGED_COMPONENTS));
    for (String component : declared) {
      jdbc.update("""
          UPDATE usm_mir_component SET version = version + 1, updated_at = ?, updated_by_call = ?
          WHERE service_id = ? AND component_id = ?""", now, trackingNumber, serviceId, component);
      insertChange(serviceId, component, trackingNumber, description, now, user);
    }
    if (declared.isEmpty()) {
      insertChange(serviceId, null, trackingNumber, description, now, user);
    }
    audit.record(AuditEvent.of(change, change.getCurrentActivityId(), user, AuditEvent.Kind.REGISTER, "H1", "managed infrastructure of " + serviceId + " updated"
            + (declared.isEmpty() ? "" : ": " + declared)));
  }

  /** The ids of the service's managed components. */
  public java.util.Set<String> componentIds(String serviceId) {
    return java.util.Set.copyOf(jdbc.queryForList("SELECT component_id FROM usm_mir_component WHERE service_id = ?",
        String.class, serviceId));
  }

  public Optional<Component> find(String serviceId, String componentId) {
    return components(serviceId).stream().filter(c -> c.componentId().equals(componentId)).findFirst();
  }

  public List<Component> components(String serviceId) {
    return jdbc.query("""
        SELECT service_id, component_id, name, component_type, version, updated_at, updated_by_call
        FROM usm_mir_component WHERE service_id = ? ORDER BY component_id""",
        (rs, row) -> new Component(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getString(7)),
        serviceId);
  }

  public List<MirChange> changes(String serviceId) {
    return jdbc.query("""
        SELECT service_id, component_id, tracking_number, description, changed_at, changed_by
        FROM usm_mir_change WHERE service_id = ? ORDER BY id""",
        (rs, row) -> new MirChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant(), rs.getString(6)),
        serviceId);
  }

  /** What the change was about: the RFC's description, else the measure that led to it, else the call's summary. */
  private static String firstText(DelegateExecution execution, String... names) {
    for (String name : names) {
      Object value = execution.getVariable(name);
      if (value instanceof String text && !text.isBlank()) {
        return text;
      }
    }
    return "";
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }

  private void insertChange(String serviceId, String componentId, String trackingNumber, String description,
      Timestamp at, String user) {
    jdbc.update("""
        INSERT INTO usm_mir_change (service_id, component_id, tracking_number, description, changed_at, changed_by)
        VALUES (?, ?, ?, ?, ?, ?)""",
        serviceId, componentId, trackingNumber, description, at, user);
  }
}
