package org.usm.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;

/**
 * Two nodes, one PostgreSQL database (DESIGN §10): both start at the same moment on an empty database
 * without duplicating definitions, users, grants or filters; clients register and work calls on both; one
 * node is killed with {@code kill -9}; the other finishes every call, every call's SLA timer fires exactly
 * once (a test service with an SLA of 25 seconds), and tracking numbers stay unique across the nodes.
 */
class ClusterIT {

  /** How long a dead node's job locks hold: short, so the test need not wait the product's minute. */
  private static final int LOCK_MILLIS = 10_000;

  @TempDir
  Path work;

  @Test
  void twoNodesShareTheCallsAndOneFinishesThemWhenTheOtherIsKilled() throws Exception {
    TestDatabases.assumePostgres();
    String url = TestDatabases.freshPostgres("cluster");
    Path services = Files.createDirectories(work.resolve("services"));
    try (var spoed = getClass().getResourceAsStream("/cluster-services/spoed.yaml")) {
      Files.copy(spoed, services.resolve("spoed.yaml"));
    }
    List<String> args = new ArrayList<>(TestDatabases.productArguments(url));
    args.addAll(List.of("--usm.services.locations[0]=classpath*:services/*.yaml",
        "--usm.services.locations[1]=file:" + services + "/*.yaml",
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS));

    ProductNode a = ProductNode.launch("node-a", work, args);
    ProductNode b = ProductNode.launch("node-b", work, args);
    try {
      a.awaitReady(Duration.ofMinutes(3));
      b.awaitReady(Duration.ofMinutes(3));
      try (Connection db = TestDatabases.connect(url)) {
        assertNoDuplicates(db);
      }

      // Calls registered and accepted on both nodes; none is worked to its end before its SLA passes.
      Load load = new Load("spoed", Set.of(Step.O1_AcceptServiceRequest, Step.O3_PlanActivities));
      CallClient atA = new CallClient(a.base());
      CallClient atB = new CallClient(b.base());
      load.start(4, List.of(atA, atB));
      load.awaitCalls(8, Duration.ofSeconds(90));
      ProductNode.sleep(3_000);
      a.kill();
      load.stop();
      Instant lastRegistration = Instant.now();

      List<String> calls = List.copyOf(load.acknowledgedCalls);
      assertThat(new HashSet<>(calls)).as("tracking numbers are unique across the nodes").hasSameSizeAs(calls);
      assertThat(load.serverErrors).as("clients completing in one call on two nodes got no server error").isEmpty();
      assertThat(load.registeredAt.values()).as("both nodes took calls").contains(a.base(), b.base());
      for (String call : calls) {
        assertThat(atB.call(call)).as("%s, registered at %s, is known to node b", call, load.registeredAt.get(call))
            .isPresent();
      }

      // Node b fires every SLA timer, those node a had locked when it died included, once each.
      try (Connection db = TestDatabases.connect(url)) {
        Instant until = lastRegistration.plus(Duration.ofSeconds(25)).plusMillis(LOCK_MILLIS).plusSeconds(60);
        while (slaBreaches(db, calls).values().stream().anyMatch(n -> n == 0) && Instant.now().isBefore(until)) {
          ProductNode.sleep(1_000);
        }
        for (String call : calls) {
          atB.driveToEnd(call, WorkflowPattern.WF5);
          assertThat(atB.call(call).orElseThrow()).as(call).containsEntry("status", "closed");
        }
        Map<String, Integer> breaches = slaBreaches(db, calls);
        assertThat(breaches).as("every call's SLA timer fired exactly once").allSatisfy((call, n) -> assertThat(n)
            .as(call).isOne());
        System.out.printf("%nCLUSTER TEST: 2 nodes on one PostgreSQL started at once without duplicates; %d calls "
            + "(%d at node a, %d at node b), node a killed with kill -9, node b fired %d SLA timers once each and "
            + "closed every call%n%n", calls.size(), count(load, a), count(load, b), breaches.size());
      }
    } finally {
      a.close();
      b.close();
      TestDatabases.drop(url);
    }
  }

  private static long count(Load load, ProductNode node) {
    return load.registeredAt.values().stream().filter(node.base()::equals).count();
  }

  private static void assertNoDuplicates(Connection db) throws SQLException {
    Map<String, String> duplicates = Map.of(
        "process definitions", "SELECT KEY_ FROM ACT_RE_PROCDEF GROUP BY KEY_ HAVING COUNT(*) > 1",
        "decision definitions", "SELECT KEY_ FROM ACT_RE_DECISION_DEF GROUP BY KEY_ HAVING COUNT(*) > 1",
        "deployments", "SELECT NAME_ FROM ACT_RE_DEPLOYMENT GROUP BY NAME_ HAVING COUNT(*) > 1",
        "memberships", "SELECT USER_ID_ FROM ACT_ID_MEMBERSHIP GROUP BY USER_ID_, GROUP_ID_ HAVING COUNT(*) > 1",
        "grants", "SELECT RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION "
            + "GROUP BY TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_ HAVING COUNT(*) > 1",
        "filters", "SELECT NAME_ FROM ACT_RU_FILTER GROUP BY NAME_ HAVING COUNT(*) > 1",
        "registers", "SELECT component_id FROM usm_mir_component GROUP BY service_id, component_id HAVING COUNT(*) > 1");
    for (Map.Entry<String, String> check : duplicates.entrySet()) {
      try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(check.getValue())) {
        assertThat(rows.next()).as("duplicate %s after two nodes started at once", check.getKey()).isFalse();
      }
    }
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM ACT_RE_PROCDEF WHERE KEY_ = 'usm-wf5-spoed'")) {
      rows.next();
      assertThat(rows.getInt(1)).as("the test service is deployed").isOne();
    }
  }

  private static Map<String, Integer> slaBreaches(Connection db, List<String> calls) throws SQLException {
    Map<String, Integer> breaches = new HashMap<>();
    calls.forEach(call -> breaches.put(call, 0));
    try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(
        "SELECT tracking_number, COUNT(*) FROM usm_audit_event WHERE kind = 'SLA_BREACH' GROUP BY tracking_number")) {
      while (rows.next()) {
        breaches.computeIfPresent(rows.getString(1), (call, none) -> {
          try {
            return rows.getInt(2);
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
      }
    }
    return breaches;
  }
}
