package org.usm.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lets nodes that share one PostgreSQL database start one after the other. The engine creates its
 * tables without a lock of its own, and the product's start-up (service workflows, groups, users, grants,
 * filters) checks before it writes; two nodes starting at the same moment on an empty database would
 * both create. The first node takes a PostgreSQL advisory lock before the engine is built and gives it
 * back once the product is ready; the next node then finds everything in place. A node that dies while
 * starting loses its connection, and with it the lock. Other databases (the embedded H2 file) are used by
 * one process only and need no lock.
 */
@Component
public class StartupLock implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);
  /** The advisory lock's key: "usm" in ASCII. */
  private static final long KEY = 0x75736dL;

  private final DataSource dataSource;
  private Connection holder;

  public StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Waits until no other node is starting on the database, then holds the lock. */
  public synchronized void acquire() {
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      try (Statement statement = connection.createStatement()) {
        LOG.info("Waiting for other nodes to finish starting on this database (advisory lock {})", KEY);
        statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
      }
      holder = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot take the start-up lock on the database", e);
    }
  }

  /** After the node's start-up work, which may run past the application's start (in the background). */
  @EventListener(StartupWorkDone.class)
  public synchronized void release() {
    if (holder == null) {
      return;
    }
    try (Connection connection = holder; Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      LOG.warn("Could not give back the start-up lock; it goes with the connection", e);
    } finally {
      holder = null;
    }
  }

  @Override
  public void destroy() {
    release();
  }
}
