package org.usm.intake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.usm.language.Language;
import org.usm.language.Phrase;

/**
 * What a call says beyond its summary: its description and, for a call another organisation handed over,
 * its reference there. Fixed at intake, so read once per call and kept (a bounded cache of calls that
 * exist); the people who work the call read it as each task's description in Tasklist.
 */
@Component
public class CallTexts {

  private static final Phrase HANDED_OVER_REFERENCE = new Phrase(
      "Reference of the organisation that handed this call over: %s",
      "Kenmerk van de organisatie die deze melding heeft overgedragen: %s");

  /** The texts of one call; either may be null. */
  public record Texts(String description, String reference) {

    public boolean isEmpty() {
      return description == null && reference == null;
    }

    /**
     * As a task's description, in the language of the call's service: the reference first, so whoever works
     * it can answer the organisation asking.
     */
    public String asTaskDescription(Language language) {
      return (reference == null ? "" : HANDED_OVER_REFERENCE.in(language, reference)
          + (description == null ? "" : "\n\n")) + (description == null ? "" : description);
    }
  }

  private static final int KEPT = 10_000;

  private final JdbcTemplate jdbc;
  private final Map<String, Texts> kept = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Texts> eldest) {
      return size() > KEPT;
    }
  });

  public CallTexts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The call's texts; empty while the call is not (yet) in the register. */
  public Optional<Texts> of(String trackingNumber) {
    Texts texts = kept.get(trackingNumber);
    if (texts == null) {
      texts = jdbc.query("SELECT description, external_reference FROM usm_call WHERE tracking_number = ?",
          (rs, row) -> new Texts(rs.getString(1), rs.getString(2)), trackingNumber).stream().findFirst().orElse(null);
      if (texts != null) {
        kept.put(trackingNumber, texts);
      }
    }
    return Optional.ofNullable(texts);
  }
}
