package org.usm.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes the engine's own schema lacks for the product's load. Every task completion looks for the task's subtasks
 * ({@code ACT_RU_TASK.PARENT_TASK_ID_}), which Camunda does not index: a scan of all open tasks (18 ms at 100,000 open
 * calls on PostgreSQL). Created at start-up if missing, in H2 and PostgreSQL alike; a database whose user may not
 * create indexes keeps working, and the log names the statement for its administrator.
 */
final class EngineIndexes {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);
  private static final List<String> STATEMENTS = List.of(
      "CREATE INDEX IF NOT EXISTS USM_IDX_TASK_PARENT ON ACT_RU_TASK (PARENT_TASK_ID_)");

  private EngineIndexes() {
  }

  static void ensure(DataSource dataSource) {
    for (String sql : STATEMENTS) {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute(sql);
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
      } catch (SQLException e) {
        LOG.warn("Could not create an index the product relies on for speed; ask the database administrator to run: {}"
            + " ({})", sql, e.getMessage());
      }
    }
  }
}
