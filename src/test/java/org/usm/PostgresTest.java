package org.usm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.usm.intake.CallIntakeService;
import org.usm.intake.CallQueryService;
import org.usm.intake.CallRequest;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;
import org.usm.security.UsmGroups;
import org.usm.testing.HappyPath;

/**
 * The production profile on PostgreSQL, the database it is meant for: start-up (engine schema and the index it
 * lacks, Flyway migrations, service workflows), a WF4 incident from intake to closed, and a restart on the same data
 * that deploys nothing new and hands out the next tracking number. Needs {@code USM_TEST_POSTGRES_URL}
 * (with {@code USM_TEST_POSTGRES_USER} and {@code USM_TEST_POSTGRES_PASSWORD}); skipped without it,
 * unless {@code USM_POSTGRES_TESTS} is {@code required}, as in CI, which starts PostgreSQL for it.
 */
class PostgresTest {

  private static final String URL = System.getenv("USM_TEST_POSTGRES_URL");

  private static ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(UsmApplication.class).profiles("prod").run(
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.generate-unique-process-engine-name=true", // keeps the shared test context's engine registered
        "--USM_DB_URL=" + URL,
        "--USM_DB_USER=" + System.getenv("USM_TEST_POSTGRES_USER"),
        "--USM_DB_PASSWORD=" + System.getenv("USM_TEST_POSTGRES_PASSWORD"),
        "--USM_ADMIN_PASSWORD=Pg-Test-2026", "--USM_LINK_IT_LEVERANCIER_PASSWORD=Pg-Link-2026",
        "--USM_SERVICES=classpath*:services/*.yaml", "--usm.services.deploy-in-background=false");
  }

  @Test
  void theProductRunsACallToClosedOnPostgresqlAndRestartsOnItsData() {
    boolean required = "required".equals(System.getenv("USM_POSTGRES_TESTS"));
    assertThat(URL != null || !required).as("USM_TEST_POSTGRES_URL is set").isTrue();
    Assumptions.assumeTrue(URL != null, "no PostgreSQL given (USM_TEST_POSTGRES_URL)");

    String first;
    long definitions;
    try (ConfigurableApplicationContext context = start()) {
      IdentityService identity = context.getBean(IdentityService.class);
      user(identity, "pg-coordinator", "publieksdiensten-coordinatoren");
      user(identity, "pg-operator", "publieksdiensten-burgerzaken");
      user(identity, "pg-inwoner", UsmGroups.REQUESTERS); // a call's requester is a user (DESIGN §7)
      CallIntakeService intake = context.getBean(CallIntakeService.class);
      first = intake.register(new CallRequest("verhuizing", "incident", "Bevestiging niet ontvangen", "pg-inwoner",
          null, null, null, null, null)).trackingNumber();
      TaskService tasks = context.getBean(TaskService.class);
      for (Step step : WorkflowPattern.WF4.path()) {
        if (step.isUserTask()) {
          String user = "pg-" + HappyPath.demoUser(step);
          String taskId = tasks.createTaskQuery().processInstanceBusinessKey(first).taskDefinitionKey(step.id())
              .singleResult().getId();
          identity.setAuthentication(user, List.of(identity.createGroupQuery().groupMember(user).singleResult().getId()));
          try {
            tasks.complete(taskId, HappyPath.variables(step, WorkflowPattern.WF4));
          } finally {
            identity.clearAuthentication();
          }
        }
      }
      assertThat(context.getBean(CallQueryService.class).find(first).status()).isEqualTo("closed");
      assertThat(context.getBean(JdbcTemplate.class).queryForObject(
          "SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'act_ru_task' AND indexname = 'usm_idx_task_parent'",
          Integer.class)).as("a completion's look for subtasks is indexed (engine/EngineIndexes)").isEqualTo(1);
      definitions = context.getBean(RepositoryService.class).createProcessDefinitionQuery().count();
    }

    try (ConfigurableApplicationContext restarted = start()) {
      assertThat(restarted.getBean(RepositoryService.class).createProcessDefinitionQuery().count())
          .as("an unchanged restart deploys no new versions").isEqualTo(definitions);
      String next = restarted.getBean(CallIntakeService.class).register(new CallRequest("verhuizing", "incident",
          "Tweede melding", "pg-inwoner", null, null, null, null, null)).trackingNumber();
      int sequence = Integer.parseInt(first.substring(first.lastIndexOf('-') + 1));
      assertThat(next).isEqualTo(first.substring(0, first.lastIndexOf('-') + 1) + String.format("%06d", sequence + 1));
    }
  }

  private static void user(IdentityService identity, String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(id + "-Pw1");
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }
}
