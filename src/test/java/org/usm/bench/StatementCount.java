package org.usm.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the SQL statements that reach a data source, per phase of the benchmark's driver (intake,
 * completion) and per statement: each row of a JDBC batch counts as a statement, the batch as one round
 * trip.
 */
final class StatementCount implements QueryExecutionListener {

  private final Map<String, LongAdder> statements = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> roundTrips = new ConcurrentHashMap<>();
  private volatile String phase = "other";
  /** Off while a benchmark times: counting costs time of its own. */
  private volatile boolean counting = true;

  DataSource counting(DataSource dataSource) {
    return ProxyDataSourceBuilder.create(dataSource).listener(this).build();
  }

  /** What the statements from now on are counted as, until the next phase. */
  void phase(String name) {
    phase = name;
  }

  void reset() {
    statements.clear();
    roundTrips.clear();
  }

  /** Stops counting: the statements pass through as if the data source were not wrapped. */
  void stop() {
    counting = false;
  }

  @Override
  public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {}

  @Override
  public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    if (!counting) {
      return;
    }
    String current = phase;
    roundTrips.computeIfAbsent(current, p -> new LongAdder()).increment();
    for (QueryInfo query : queries) {
      int rows = execution.isBatch() ? Math.max(1, query.getParametersList().size()) : 1;
      statements.computeIfAbsent(current + '\t' + shape(query.getQuery()), s -> new LongAdder()).add(rows);
    }
  }

  /** Statements of the phase per kind (SELECT, INSERT, UPDATE, DELETE, other), in alphabetical order. */
  Map<String, Long> byKind(String phase) {
    Map<String, Long> kinds = new TreeMap<>();
    byStatement(phase).forEach((statement, count) -> kinds.merge(kind(statement), count, Long::sum));
    return kinds;
  }

  /** Each statement of the phase (its first words) with how often it ran. */
  Map<String, Long> byStatement(String phase) {
    Map<String, Long> counts = new TreeMap<>();
    statements.forEach((key, count) -> {
      if (key.startsWith(phase + '\t')) {
        counts.put(key.substring(phase.length() + 1), count.sum());
      }
    });
    return counts;
  }

  long total(String phase) {
    return byStatement(phase).values().stream().mapToLong(Long::longValue).sum();
  }

  long roundTrips(String phase) {
    LongAdder trips = roundTrips.get(phase);
    return trips == null ? 0 : trips.sum();
  }

  private static String shape(String sql) {
    String oneLine = sql.replaceAll("\\s+", " ").trim();
    return oneLine.length() > 90 ? oneLine.substring(0, 90) : oneLine;
  }

  private static String kind(String statement) {
    String first = statement.split(" ", 2)[0].toUpperCase(Locale.ROOT);
    return List.of("SELECT", "INSERT", "UPDATE", "DELETE").contains(first) ? first : "other";
  }
}
