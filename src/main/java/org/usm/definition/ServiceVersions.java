package org.usm.definition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every version of every service definition (table {@code usm_service_version}): the text its designer
 * wrote, who changed it, when and why, whether the service is active or retired, and the deployment of
 * the version's workflows. A row is never changed but for its deployment: a change is a new version,
 * so the table is the service's audit.
 */
@Component
public class ServiceVersions {

  /** Whether a service takes new calls. */
  public enum State {
    ACTIVE, RETIRED;

    public String label() {
      return name().toLowerCase();
    }
  }

  /** One version of one service. */
  /**
   * One version of one service; {@code deploymentId} and {@code templateDigest} say which deployment holds
   * its workflows and from which templates they were made (null until deployed).
   */
  public record ServiceVersion(String serviceId, int version, String definition, State state, String changedBy,
      Instant changedAt, String change, String deploymentId, String templateDigest) {}

  private static final String COLUMNS =
      "service_id, version, definition, state, changed_by, changed_at, change_note, deployment_id, template_digest";

  private final JdbcTemplate jdbc;

  public ServiceVersions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public boolean isEmpty() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM usm_service_version", Integer.class) == 0;
  }

  /** The latest version of every service, by service id. */
  public List<ServiceVersion> latest() {
    return jdbc.query("SELECT " + COLUMNS + " FROM usm_service_version v WHERE version = "
        + "(SELECT MAX(version) FROM usm_service_version l WHERE l.service_id = v.service_id) ORDER BY service_id",
        ServiceVersions::map);
  }

  public Optional<ServiceVersion> latest(String serviceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM usm_service_version WHERE service_id = ? ORDER BY version DESC "
        + "LIMIT 1", ServiceVersions::map, serviceId).stream().findFirst();
  }

  /** Every version of the service, oldest first. */
  public List<ServiceVersion> history(String serviceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM usm_service_version WHERE service_id = ? ORDER BY version",
        ServiceVersions::map, serviceId);
  }

  /** Adds a version; the primary key refuses a second writer of the same version. */
  public void add(ServiceVersion version) {
    jdbc.update("INSERT INTO usm_service_version (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        version.serviceId(), version.version(), version.definition(), version.state().name(), version.changedBy(),
        Timestamp.from(version.changedAt()), version.change(), version.deploymentId(), version.templateDigest());
  }

  public void deployed(String serviceId, int version, String deploymentId, String templateDigest) {
    jdbc.update("UPDATE usm_service_version SET deployment_id = ?, template_digest = ? WHERE service_id = ? "
        + "AND version = ?", deploymentId, templateDigest, serviceId, version);
  }

  private static ServiceVersion map(ResultSet rs, int row) throws SQLException {
    return new ServiceVersion(rs.getString(1), rs.getInt(2), rs.getString(3), State.valueOf(rs.getString(4)),
        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8), rs.getString(9));
  }
}
