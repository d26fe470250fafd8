package org.usm.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;

/**
 * Nothing acknowledged is ever lost (DESIGN §10): the packaged product is killed with {@code kill -9} at a
 * random moment, 1 to 5 seconds after it took its first calls of the round, while four clients register
 * calls and complete steps, and restarted on the same data,
 * several rounds. After each restart every call that was answered 201 is there, with exactly one workflow
 * and its own tracking number (none issued twice), and every completion answered 204 is in the history;
 * at the end every call is worked to closed. On the embedded H2 file database and on PostgreSQL.
 */
class CrashIT {

  private static final int ROUNDS = 3;
  private static final int CLIENTS = 4;

  @TempDir
  Path work;

  @Test
  void theEmbeddedH2DatabaseLosesNothingAcknowledged() throws Exception {
    survivesKillsUnderLoad("H2 file", List.of("--usm.data-dir=" + work.resolve("data")));
  }

  @Test
  void postgresqlLosesNothingAcknowledged() throws Exception {
    TestDatabases.onFreshPostgres("crash", (arguments, url) -> survivesKillsUnderLoad("PostgreSQL", arguments));
  }

  private void survivesKillsUnderLoad(String database, List<String> arguments) throws Exception {
    List<String> args = new ArrayList<>(arguments);
    args.add("--camunda.bpm.job-execution.enabled=false");
    Load load = new Load("verhuizing", EnumSet.allOf(Step.class));
    ProductNode node = ProductNode.start("crash", work, args);
    try {
      for (int round = 1; round <= ROUNDS; round++) {
        load.start(CLIENTS, List.of(new CallClient(node.base())));
        // The kill comes at a random moment once the node is taking calls (a slow machine warms up slowly).
        load.awaitCalls(load.acknowledgedCalls.size() + CLIENTS, java.time.Duration.ofSeconds(90));
        ProductNode.sleep(1_000 + ThreadLocalRandom.current().nextInt(4_000));
        node.kill();
        load.stop();
        node = ProductNode.start("crash", work, args);
        assertEverythingAcknowledgedIsThere(new CallClient(node.base()), load, database + ", round " + round);
      }
      CallClient client = new CallClient(node.base());
      for (String call : load.acknowledgedCalls) {
        client.driveToEnd(call, WorkflowPattern.WF5);
        assertThat(client.call(call).orElseThrow()).as(call).containsEntry("status", "closed");
      }
      System.out.printf("%nCRASH TEST %s: %d rounds of kill -9 under %d clients: %d calls and %d completions "
          + "acknowledged, none lost, no tracking number issued twice; all %d calls worked to closed%n%n", database,
          ROUNDS, CLIENTS, load.acknowledgedCalls.size(), load.acknowledgedCompletions.size(),
          load.acknowledgedCalls.size());
    } finally {
      node.close();
    }
  }

  private static void assertEverythingAcknowledgedIsThere(CallClient client, Load load, String when) throws Exception {
    List<String> calls = List.copyOf(load.acknowledgedCalls);
    assertThat(calls).as("%s: some calls were acknowledged", when).isNotEmpty();
    assertThat(load.serverErrors).as("%s: clients completing in one call at once got no server error", when).isEmpty();
    assertThat(new HashSet<>(calls)).as("%s: no tracking number was issued twice", when).hasSameSizeAs(calls);
    for (String call : calls) {
      assertThat(client.call(call)).as("%s: acknowledged call %s is registered", when, call).isPresent();
      assertThat(client.rootInstances(call)).as("%s: call %s has exactly one workflow", when, call).isOne();
    }
    for (Load.Completion completion : List.copyOf(load.acknowledgedCompletions)) {
      assertThat(client.taskCompleted(completion.taskId())).as("%s: acknowledged completion of %s of %s is kept",
          when, completion.step(), completion.trackingNumber()).isTrue();
    }
  }
}
