package org.usm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;
import org.usm.testing.HappyPath;
import org.usm.testing.UsmApi;
import org.usm.testing.WebappSession;

/**
 * Two people working one call at the same moment, through both REST APIs: the one who came first wins, the
 * others are told that someone else was first (404 for a task that is gone, 409 for a conflict or a claim
 * taken), never a 500, and the call moved on exactly once. Commands that lost an optimistic-locking race
 * run again.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ConcurrentChangesTest {

  @Autowired
  TestRestTemplate rest;

  @LocalServerPort
  int port;

  @Autowired
  HistoryService history;

  @Autowired
  ProcessEngineConfiguration engineConfiguration;

  @Autowired
  PlatformTransactionManager transactions;

  private String incident() {
    Map<String, Object> call = new HashMap<>(Map.of("serviceId", "verhuizing", "type", "incident",
        "summary", "Verhuizing niet verwerkt", "requester", "inwoner-4711", "impact", "high", "urgency", "high"));
    return new UsmApi(rest).register("servicedesk", call);
  }

  private String taskId(String trackingNumber, Step step) {
    return new UsmApi(rest).tasks("admin", trackingNumber).stream()
        .filter(task -> step.id().equals(task.get("taskDefinitionKey")))
        .map(task -> (String) task.get("id")).findFirst().orElseThrow();
  }

  private static Map<String, Object> typedVariables(Step step) {
    Map<String, Object> typed = new LinkedHashMap<>();
    HappyPath.variables(step, WorkflowPattern.WF4, "verhuizing").forEach((name, value) -> typed.put(name,
        Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : "String")));
    return Map.of("variables", typed);
  }

  private record Answer(int status, String body) {}

  @Test
  void coordinatorsCompletingOneStepAtOnceOverBothApisGetOneSuccessAndNoServerError() throws Exception {
    String call = incident();
    String r1 = taskId(call, Step.R1_AcceptIncident);
    Map<String, Object> body = typedVariables(Step.R1_AcceptIncident);
    WebappSession tasklist = WebappSession.login(port, "coordinator");
    List<Callable<Answer>> attempts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      attempts.add(() -> {
        ResponseEntity<String> answer = rest.exchange("/engine-rest/task/" + r1 + "/complete", HttpMethod.POST,
            new HttpEntity<>(body, UsmApi.headers("coordinator")), String.class);
        return new Answer(answer.getStatusCode().value(), answer.getBody());
      });
      attempts.add(() -> {
        WebappSession.Response answer = tasklist.engine("POST", "/task/" + r1 + "/submit-form", body);
        return new Answer(answer.status(), answer.body());
      });
    }

    List<Answer> answers = allAtOnce(attempts);

    assertThat(answers).as("answers %s", answers).extracting(Answer::status).isSubsetOf(204, 404, 409);
    assertThat(answers).filteredOn(a -> a.status() == 204).hasSize(1);
    assertThat(answers).filteredOn(a -> a.status() != 204)
        .allSatisfy(a -> assertThat(a.body()).contains("nothing of this request was saved"));
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(call)
        .taskDefinitionKey(Step.R1_AcceptIncident.id()).finished().count()).isEqualTo(1);
    assertThat(new UsmApi(rest).tasks("admin", call)).extracting(t -> t.get("taskDefinitionKey"))
        .containsExactly(Step.R3_Analyze.id());
  }

  @Test
  void aTaskThatIsGoneIsAnswered404AndAClaimTakenFirst409OnBothApis() {
    String call = incident();
    String r1 = taskId(call, Step.R1_AcceptIncident);
    new UsmApi(rest).complete("coordinator", call, Step.R1_AcceptIncident, HappyPath.variables(
        Step.R1_AcceptIncident, WorkflowPattern.WF4, "verhuizing"));

    ResponseEntity<String> again = rest.exchange("/engine-rest/task/" + r1 + "/complete", HttpMethod.POST,
        new HttpEntity<>(typedVariables(Step.R1_AcceptIncident), UsmApi.headers("coordinator")), String.class);
    assertThat(again.getStatusCode().value()).isEqualTo(404);
    assertThat(again.getBody()).contains("Task " + r1 + " does not exist (any more)");
    WebappSession.Response claimGone = WebappSession.login(port, "coordinator")
        .engine("POST", "/task/" + r1 + "/claim", Map.of("userId", "coordinator"));
    assertThat(claimGone.status()).isEqualTo(404);
    ResponseEntity<String> assignGone = rest.exchange("/engine-rest/task/" + r1 + "/assignee", HttpMethod.POST,
        new HttpEntity<>(Map.of("userId", "coordinator"), UsmApi.headers("admin")), String.class);
    assertThat(assignGone.getStatusCode().value()).isEqualTo(404);
    assertThat(assignGone.getBody()).contains("does not exist (any more)");

    String r3 = taskId(call, Step.R3_Analyze);
    ResponseEntity<String> claimed = rest.exchange("/engine-rest/task/" + r3 + "/claim", HttpMethod.POST,
        new HttpEntity<>(Map.of("userId", "operator"), UsmApi.headers("operator")), String.class);
    assertThat(claimed.getStatusCode().value()).isEqualTo(204);
    WebappSession.Response claimedAgain = WebappSession.login(port, "tester")
        .engine("POST", "/task/" + r3 + "/claim", Map.of("userId", "tester"));
    assertThat(claimedAgain.status()).isEqualTo(409);
    assertThat(claimedAgain.json().get("message").toString()).contains("someone else claimed it first");
    assertThat(new UsmApi(rest).tasks("admin", call).get(0)).containsEntry("assignee", "operator");
  }

  @Test
  void aCommandThatLostARaceRunsAgainAndOneThatKeepsLosingIsAConflictButARefusalRunsOnce() {
    AtomicInteger runs = new AtomicInteger();
    Command<String> losesTwice = context -> {
      if (runs.incrementAndGet() <= 2) {
        throw new OptimisticLockingException("updated by another transaction concurrently");
      }
      return "done";
    };
    assertThat(commands().execute(losesTwice)).isEqualTo("done");
    assertThat(runs).hasValue(3);
    assertThat(ConcurrentChanges.takeLostRaceOfThisRequest()).isNull();

    runs.set(0);
    Command<String> alwaysLoses = context -> {
      runs.incrementAndGet();
      throw new OptimisticLockingException("updated by another transaction concurrently");
    };
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> commands().execute(alwaysLoses))
        .isInstanceOf(OptimisticLockingException.class);
    assertThat(runs).hasValue(ConcurrentChanges.ATTEMPTS);
    assertThat(ConcurrentChanges.takeLostRaceOfThisRequest().status()).isEqualTo(409);

    // A command that failed oddly (it read the task before another command ended the call, the rest after)
    // runs once more; a refusal is the answer and runs once.
    runs.set(0);
    Command<String> failsOddlyOnce = context -> {
      if (runs.incrementAndGet() == 1) {
        throw new ProcessEngineException("Cannot restore state of process instance: list of executions is empty");
      }
      return "done";
    };
    assertThat(commands().execute(failsOddlyOnce)).isEqualTo("done");
    assertThat(runs).hasValue(2);
    runs.set(0);
    Command<String> refused = context -> {
      runs.incrementAndGet();
      throw new BadUserRequestException("no such step");
    };
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> commands().execute(refused))
        .isInstanceOf(BadUserRequestException.class);
    assertThat(runs).hasValue(1);
    runs.set(0);
    Command<String> refusedByARuleInAListener = context -> {
      runs.incrementAndGet();
      throw new ProcessEngineException("Exception while invoking TaskListener",
          RuleViolation.of("SOD-1", null, org.usm.language.Language.EN, "who built the change does not test it"));
    };
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> commands().execute(refusedByARuleInAListener))
        .isInstanceOf(ProcessEngineException.class);
    assertThat(runs).hasValue(1);

    // Inside a transaction of the product's the command cannot run again alone: what encloses it decides.
    runs.set(0);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TransactionTemplate(transactions)
        .executeWithoutResult(status -> commands().execute(alwaysLoses)))
        .isInstanceOf(OptimisticLockingException.class);
    assertThat(runs).hasValue(1);
  }

  private org.camunda.bpm.engine.impl.interceptor.CommandExecutor commands() {
    return ((ProcessEngineConfigurationImpl) engineConfiguration).getCommandExecutorTxRequired();
  }

  private static List<Answer> allAtOnce(List<Callable<Answer>> attempts) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Answer>> futures = new ArrayList<>();
      for (Callable<Answer> attempt : attempts) {
        futures.add(pool.submit(() -> {
          start.await();
          return attempt.call();
        }));
      }
      start.countDown();
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> future : futures) {
        answers.add(future.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
