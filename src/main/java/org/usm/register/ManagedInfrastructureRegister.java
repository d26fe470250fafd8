package org.usm.register;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.usm.definition.ServiceDefinition;

/**
 * The managed infrastructure register (MIR): the components (MICs) of every service and the history of
 * their changes. A service's components are seeded once from its definition; after that they change only
 * through a change's C8_UpdateMir step.
 */
@Component
public class ManagedInfrastructureRegister {

  /** One recorded modification of the managed infrastructure. */
  public record MirChange(String serviceId, String componentId, String trackingNumber, String description,
      java.time.Instant changedAt, String changedBy) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public ManagedInfrastructureRegister(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Registers the components a service starts with; components already registered are kept as they are. */
  public void seed(ServiceDefinition service) {
    for (ServiceDefinition.Component component : service.components()) {
      Integer known = jdbc.queryForObject(
          "SELECT COUNT(*) FROM usm_mir_component WHERE service_id = ? AND component_id = ?",
          Integer.class, service.id(), component.id());
      if (known == 0) {
        jdbc.update("""
            INSERT INTO usm_mir_component (service_id, component_id, name, component_type, version, updated_at)
            VALUES (?, ?, ?, ?, 1, ?)""",
            service.id(), component.id(), component.name(), component.type(), Timestamp.from(clock.instant()));
      }
    }
  }

  /** Records that a change was deployed for the service, as the change described it. */
  public void recordChange(String serviceId, String trackingNumber, String description, String changedBy) {
    jdbc.update("""
        INSERT INTO usm_mir_change (service_id, tracking_number, description, changed_at, changed_by)
        VALUES (?, ?, ?, ?, ?)""",
        serviceId, trackingNumber, description, Timestamp.from(clock.instant()), changedBy);
  }

  public List<MirChange> changes(String serviceId) {
    return jdbc.query("""
        SELECT service_id, component_id, tracking_number, description, changed_at, changed_by
        FROM usm_mir_change WHERE service_id = ? ORDER BY id""",
        (rs, row) -> new MirChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant(), rs.getString(6)),
        serviceId);
  }
}
