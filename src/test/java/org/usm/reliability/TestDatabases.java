package org.usm.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of the tests ({@code USM_TEST_POSTGRES_URL}, {@code _USER}, {@code _PASSWORD}):
 * an empty database of their own for each test. Without a server the PostgreSQL tests are skipped,
 * unless {@code USM_POSTGRES_TESTS=required}, as in CI.
 */
final class TestDatabases {

  private static final String URL = System.getenv("USM_TEST_POSTGRES_URL");
  private static final String USER = System.getenv("USM_TEST_POSTGRES_USER");
  private static final String PASSWORD = System.getenv("USM_TEST_POSTGRES_PASSWORD");

  private TestDatabases() {}

  static void assumePostgres() {
    boolean required = "required".equals(System.getenv("USM_POSTGRES_TESTS"));
    assertThat(URL != null || !required).as("USM_TEST_POSTGRES_URL is set").isTrue();
    Assumptions.assumeTrue(URL != null, "no PostgreSQL given (USM_TEST_POSTGRES_URL)");
  }

  /** What runs on a database: the product's arguments for it, and the database's JDBC URL. */
  interface OnDatabase {
    void run(List<String> productArguments, String url) throws Exception;
  }

  /**
   * Runs the work on an empty PostgreSQL database of its own, dropped afterwards; skipped without a
   * server (see {@link #assumePostgres}).
   */
  static void onFreshPostgres(String purpose, OnDatabase work) throws Exception {
    assumePostgres();
    String url = freshPostgres(purpose);
    try {
      work.run(productArguments(url), url);
    } finally {
      drop(url);
    }
  }

  /** Creates an empty database and answers its JDBC URL. */
  static String freshPostgres(String purpose) throws SQLException {
    String name = "usm_" + purpose + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
    try (Connection admin = DriverManager.getConnection(URL, USER, PASSWORD); Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return URL.substring(0, URL.lastIndexOf('/') + 1) + name;
  }

  static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, USER, PASSWORD);
  }

  /** The product's arguments to run on the database. */
  static List<String> productArguments(String url) {
    return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + USER,
        "--spring.datasource.password=" + PASSWORD);
  }

  static void drop(String url) {
    String name = url.substring(url.lastIndexOf('/') + 1);
    try (Connection admin = DriverManager.getConnection(URL, USER, PASSWORD); Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      // left for the server's next reset; the name is random
    }
  }
}
