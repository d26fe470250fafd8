package org.usm.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;

/**
 * Two organisations, each on its own installation and database, work one customer's call (DESIGN §11): the
 * consumer's step hands hardware delivery to the supplier over the link interface, the supplier works its
 * call, the fulfilment comes back and the step completes. Then each side is killed with {@code kill -9} in
 * turn: a supplier that is down when the work is handed over gets it once after its restart; a consumer
 * killed right after the hand-over delivers it once after its own; status reports to a consumer that is
 * down arrive after its restart. A forged status report is refused.
 */
class LinkIT {

  private static final String PASSWORD = "Leverancier-2026-geheim";
  private static final WorkflowPattern WF5 = WorkflowPattern.WF5;

  @TempDir
  Path work;

  /** The consumer's service: werkplek, its external link pointing at the supplier on its port. */
  private Path consumerServices(int supplierPort) throws IOException {
    try (InputStream in = LinkIT.class.getResourceAsStream("/services/werkplek.yaml")) {
      String werkplek = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Path folder = Files.createDirectories(work.resolve("consumer-services"));
      Files.writeString(folder.resolve("werkplek-keten.yaml"), werkplek
          .replace("id: werkplek\n", "id: werkplek-keten\n")
          .replace("name: Digitale werkplek", "name: Digitale werkplek in de keten")
          .replace("url: http://localhost:8081", "url: http://localhost:" + supplierPort)
          .replace("passwordFrom: USM_LINK_IT_LEVERANCIER_PASSWORD", "passwordFrom: USM_LINK_SUPPLIER_PASSWORD"));
      return folder;
    }
  }

  private ProductNode consumer(Path services) throws IOException {
    return ProductNode.start("consumer", work.resolve("consumer"), List.of("--usm.data-dir=" + work.resolve("consumer-data"),
        "--usm.services.locations[0]=classpath*:services/*.yaml",
        "--usm.services.locations[1]=file:" + services + "/*.yaml",
        "--USM_LINK_SUPPLIER_PASSWORD=" + PASSWORD,
        "--usm.links.retry-base=PT0.5S", "--usm.links.retry-max=PT2S", "--usm.links.pull-after=PT30S"));
  }

  private ProductNode supplier(int port) throws IOException {
    ProductNode node = ProductNode.launch("supplier", work.resolve("supplier"), port, ProductNode.QUICK_START_JVM,
        List.of("--usm.data-dir=" + work.resolve("supplier-data"), "--usm.links.retry-base=PT0.5S",
            "--usm.links.retry-max=PT2S"));
    node.awaitReady(Duration.ofSeconds(120));
    return node;
  }

  /** The consumer's account at the supplier: a user in usm-link-accounts, as the supplier's administrator makes it. */
  private static void linkAccount(CallClient supplier) throws IOException {
    CallClient.Answer created = supplier.send("admin", "POST", "/engine-rest/user/create", Map.of(
        "profile", Map.of("id", "middenstad", "firstName", "Gemeente", "lastName", "Middenstad",
            "email", "ict@middenstad.example"),
        "credentials", Map.of("password", PASSWORD)));
    assertThat(created.status()).as(created.body()).isEqualTo(204);
    assertThat(supplier.send("admin", "PUT", "/engine-rest/group/usm-link-accounts/members/middenstad", null).status())
        .isEqualTo(204);
  }

  /** A werkplek-keten call at the consumer, worked up to O4, which the operator claims. */
  private static String callAtExecution(CallClient consumer, String summary) throws IOException {
    String call = consumer.register("werkplek-keten", summary).orElseThrow();
    for (Step step : List.of(Step.O1_AcceptServiceRequest, Step.O3_PlanActivities)) {
      assertThat(consumer.complete(step, awaitStep(consumer, call, step), WF5)).isEqualTo(204);
    }
    String task = awaitStep(consumer, call, Step.O4_ExecuteActivities);
    assertThat(consumer.send("operator", "POST", "/engine-rest/task/" + task + "/claim", Map.of("userId", "operator"))
        .status()).isEqualTo(204);
    return call;
  }

  private static String awaitStep(CallClient client, String call, Step step) throws IOException {
    for (int i = 0; i < 100; i++) {
      String task = client.openSteps(call).get(step);
      if (task != null) {
        return task;
      }
      ProductNode.sleep(100);
    }
    throw new AssertionError(call + " never reached " + step);
  }

  private static CallClient.Answer handOver(CallClient consumer, String call, String summary) throws IOException {
    return consumer.send("operator", "POST", "/api/calls/" + call + "/linked-calls", Map.of("link", "it-leverancier",
        "type", "service-request", "summary", summary));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> link(CallClient consumer, String call) throws IOException {
    List<Map<String, Object>> links = (List<Map<String, Object>>) consumer.call(call).orElseThrow().get("links");
    assertThat(links).hasSize(1);
    return links.get(0);
  }

  private static Map<String, Object> awaitLink(CallClient consumer, String call, Predicate<Map<String, Object>> until,
      String what) throws IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    Map<String, Object> link = link(consumer, call);
    while (!until.test(link)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(call + ": " + what + " did not happen; the link is " + link);
      }
      ProductNode.sleep(250);
      link = link(consumer, call);
    }
    return link;
  }

  /** How many calls the supplier registered for the consumer's call (its reference). */
  @SuppressWarnings("unchecked")
  private static long registeredFor(CallClient supplier, String summary) throws IOException {
    CallClient.Answer calls = supplier.send("admin", "GET", "/api/calls?serviceId=werkplek&size=200", null);
    return ((List<Map<String, Object>>) calls.json().get("calls")).stream()
        .filter(c -> summary.equals(c.get("summary"))).count();
  }

  private static void finishAtConsumer(CallClient consumer, String call) throws IOException {
    for (Step step : List.of(Step.O4_ExecuteActivities, Step.O5_ReviewDelivery, Step.O6_EvaluateAndClose)) {
      CallClient.Answer done = consumer.completion(step, awaitStep(consumer, call, step), WF5);
      assertThat(done.status()).as("%s of %s: %s", step, call, done.body()).isEqualTo(204);
    }
    assertThat(consumer.call(call).orElseThrow()).containsEntry("status", "closed");
  }

  @Test
  void twoInstallationsWorkOneCallAndNothingIsLostWhenEitherIsKilled() throws Exception {
    int supplierPort = ProductNode.freePort();
    Path services = consumerServices(supplierPort);
    ProductNode consumerNode = consumer(services);
    ProductNode supplierNode = supplier(supplierPort);
    try {
      CallClient consumer = new CallClient(consumerNode.base());
      CallClient supplier = new CallClient(supplierNode.base());
      linkAccount(supplier);

      // 1. the chain works one call end to end
      String first = callAtExecution(consumer, "Nieuwe medewerker Burgerzaken");
      CallClient.Answer handed = handOver(consumer, first, "Laptop leveren voor nieuwe medewerker");
      assertThat(handed.status()).as(handed.body()).isEqualTo(201);
      String atSupplier = (String) handed.json().get("trackingNumber");
      CallClient.Answer early = consumer.completion(Step.O4_ExecuteActivities,
          awaitStep(consumer, first, Step.O4_ExecuteActivities), WF5);
      assertThat(early.status()).isEqualTo(400);
      assertThat(early.body()).contains("Regel L1").contains(atSupplier);
      supplier.driveToEnd(atSupplier, WF5);
      awaitLink(consumer, first, l -> "closed".equals(l.get("status")), "the supplier's fulfilment coming back");
      finishAtConsumer(consumer, first);

      // 2. a forged status report changes nothing
      String id = (String) link(consumer, first).get("id");
      CallClient.Answer forged = consumer.send("operator", "POST", "/api/linked-calls/" + id + "/status",
          Map.of("trackingNumber", atSupplier, "status", "refused"));
      assertThat(forged.status()).as("a user's password is no linked call's secret").isEqualTo(401);
      assertThat(link(consumer, first)).containsEntry("status", "closed");

      // 3. the supplier is down at the hand-over: delivered once after its restart
      supplierNode.kill();
      String second = callAtExecution(consumer, "Laptop kapot bij Publieksdiensten");
      CallClient.Answer waiting = handOver(consumer, second, "Vervangende laptop leveren");
      assertThat(waiting.status()).as("stored, not yet delivered: %s", waiting.body()).isEqualTo(202);
      assertThat(waiting.json()).containsEntry("status", "requested");
      Map<String, Object> stuck = awaitLink(consumer, second, l -> l.get("delivery") != null
          && ((Number) ((Map<?, ?>) l.get("delivery")).get("attempts")).intValue() >= 2, "failed attempts shown");
      assertThat(((Map<?, ?>) stuck.get("delivery")).get("lastError").toString()).contains("not reachable");
      supplierNode = supplier(supplierPort);
      supplier = new CallClient(supplierNode.base());
      Map<String, Object> delivered = awaitLink(consumer, second, l -> l.get("trackingNumber") != null,
          "the delivery after the supplier's restart");
      assertThat(registeredFor(supplier, "Vervangende laptop leveren")).as("registered once").isOne();
      supplier.driveToEnd((String) delivered.get("trackingNumber"), WF5);
      awaitLink(consumer, second, l -> "closed".equals(l.get("status")), "the fulfilment coming back");
      finishAtConsumer(consumer, second);

      // 4. the consumer is killed right after the hand-over: delivered once after its restart
      supplierNode.kill();
      String third = callAtExecution(consumer, "Extra scherm voor Sociaal Domein");
      assertThat(handOver(consumer, third, "Extra scherm leveren").status()).isEqualTo(202);
      consumerNode.kill();
      supplierNode = supplier(supplierPort);
      supplier = new CallClient(supplierNode.base());
      consumerNode = consumer(services);
      consumer = new CallClient(consumerNode.base());
      String thirdAtSupplier = (String) awaitLink(consumer, third, l -> l.get("trackingNumber") != null,
          "the delivery after the consumer's restart").get("trackingNumber");
      assertThat(registeredFor(supplier, "Extra scherm leveren")).as("registered once").isOne();

      // 5. the consumer is down while the supplier reports: the reports arrive after its restart
      consumerNode.kill();
      supplier.driveToEnd(thirdAtSupplier, WF5);
      consumerNode = consumer(services);
      consumer = new CallClient(consumerNode.base());
      awaitLink(consumer, third, l -> "closed".equals(l.get("status")), "the reports after the consumer's restart");
      finishAtConsumer(consumer, third);
      System.out.printf("%nLINK TEST: 3 calls handed from consumer to supplier over the link interface; supplier "
          + "killed before a delivery, consumer killed after a hand-over and while reports were due; each delivered "
          + "once, every fulfilment came back, a forged report refused%n%n");
    } finally {
      consumerNode.close();
      supplierNode.close();
    }
  }
}
