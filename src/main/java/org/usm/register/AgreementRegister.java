package org.usm.register;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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

/**
 * The agreements register: per service, the agreements in force and their history. Seeded once from the
 * service definition; after that written only by Agree at A5_Negotiate when an agreement is reached.
 */
@Component
public class AgreementRegister {

  /** An agreement as the register keeps it, with the call that reached it. */
  public record Agreement(String serviceId, String agreementId, String title, LocalDate validFrom,
      LocalDate validUntil, Instant recordedAt, String trackingNumber, String recordedBy) {

    public boolean isActiveOn(LocalDate day) {
      return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final RegisterGuard guard;
  private final AuditTrail audit;

  public AgreementRegister(JdbcTemplate jdbc, Clock clock, RegisterGuard guard, AuditTrail audit) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.guard = guard;
    this.audit = audit;
  }

  /** Registers the agreement of the service definition, once. */
  public void seed(ServiceDefinition service) {
    Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM usm_agreement WHERE service_id = ?", Integer.class,
        service.id());
    if (known == 0) {
      ServiceDefinition.Agreement a = service.agreement();
      insert(service.id(), a.id(), a.title(), a.validFrom(), a.validUntil(), null, "service definition");
    }
  }

  /**
   * Records the agreement a negotiation reached. Refused (H11) unless called from A5_Negotiate of
   * usm-agree; the caller's transaction then rolls back.
   */
  public void recordAgreementReached(DelegateExecution negotiation) {
    guard.ensureWriter(RegisterWriters.Register.AGREEMENTS, negotiation);
    String user = EngineContext.authenticatedUser(negotiation);
    String serviceId = (String) negotiation.getVariable(CallVariables.SERVICE_ID);
    String trackingNumber = negotiation.getProcessBusinessKey();
    Object agreementId = negotiation.getVariable(CallVariables.AGREEMENT_ID);
    String id = agreementId != null ? agreementId.toString() : "SA-" + trackingNumber;
    String title = (String) negotiation.getVariable(CallVariables.SUMMARY);
    insert(serviceId, id, title, LocalDate.now(clock), null, trackingNumber, user);
    audit.record(AuditEvent.of(negotiation, negotiation.getCurrentActivityId(), user, AuditEvent.Kind.REGISTER, "H11", "agreement " + id + " recorded for service " + serviceId));
  }

  /** The agreement in force on the day: the latest recorded one whose period covers it. */
  public Optional<Agreement> activeOn(String serviceId, LocalDate day) {
    return history(serviceId).stream().filter(a -> a.isActiveOn(day)).reduce((first, later) -> later);
  }

  public List<Agreement> history(String serviceId) {
    return jdbc.query("""
        SELECT service_id, agreement_id, title, valid_from, valid_until, recorded_at, tracking_number, recorded_by
        FROM usm_agreement WHERE service_id = ? ORDER BY id""",
        (rs, row) -> new Agreement(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getDate(4).toLocalDate(), rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(),
            rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8)),
        serviceId);
  }

  private void insert(String serviceId, String agreementId, String title, LocalDate from, LocalDate until,
      String trackingNumber, String recordedBy) {
    jdbc.update("""
        INSERT INTO usm_agreement (service_id, agreement_id, title, valid_from, valid_until, recorded_at,
          tracking_number, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        serviceId, agreementId, title, Date.valueOf(from), until == null ? null : Date.valueOf(until),
        Timestamp.from(clock.instant()), trackingNumber, recordedBy);
  }
}
