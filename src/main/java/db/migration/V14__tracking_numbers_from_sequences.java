package db.migration;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.usm.intake.TrackingNumbers;

/**
 * Tracking numbers move from counter rows, which made intakes of one type wait for each other, to a sequence per type
 * and year (issue 20). Each counter becomes its sequence, continuing after the last number it handed out, so no
 * number is issued twice across the move; then the counters go. Java, because PostgreSQL and H2 share no way to
 * create a sequence per row in SQL; named as Flyway reads a migration's version and description.
 */
public class V14__tracking_numbers_from_sequences extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement statement = context.getConnection().createStatement()) {
      List<String> sequences = new ArrayList<>();
      try (ResultSet counters = statement.executeQuery(
          "SELECT prefix, counter_year, last_sequence FROM usm_tracking_counter")) {
        while (counters.next()) {
          sequences.add(TrackingNumbers.createSequence(
              TrackingNumbers.sequenceName(counters.getString(1), counters.getInt(2)), counters.getLong(3) + 1));
        }
      }
      for (String sequence : sequences) {
        statement.execute(sequence);
      }
      statement.execute("DROP TABLE usm_tracking_counter");
    }
  }
}
