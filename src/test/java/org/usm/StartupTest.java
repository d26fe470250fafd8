package org.usm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.usm.definition.InvalidServiceDefinitionException;
import org.usm.intake.CallIntakeService;
import org.usm.intake.CallRequest;

/** Start-up as an operator meets it: broken service definitions, the production profile, restarts. */
class StartupTest {

  @TempDir
  Path dataDir;

  /** Starts the product with the profile and command-line properties, on a free port, in the test's folder. */
  private ConfigurableApplicationContext start(String profile, String... arguments) {
    return start(new String[] {profile}, arguments);
  }

  private ConfigurableApplicationContext start(String[] profiles, String... arguments) {
    // An engine name of its own: closing this application must not unregister the engine of the
    // integration tests' shared context, which the REST API finds by the name "default".
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--usm.data-dir=" + dataDir,
        "--camunda.bpm.job-execution.enabled=false", "--camunda.bpm.generate-unique-process-engine-name=true",
        "--usm.demo.calls-enabled=false", "--usm.services.deploy-in-background=false"));
    args.addAll(List.of(arguments));
    return new SpringApplicationBuilder(UsmApplication.class).profiles(profiles).run(args.toArray(String[]::new));
  }

  private String fileDatabase() {
    return "jdbc:h2:file:" + dataDir.resolve("usm") + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  @Test
  void anInvalidServiceDefinitionStopsStartUpNamingFileFieldAndRuleAndNothingIsDeployed() throws Exception {
    assertThatThrownBy(() -> start("demo", "--usm.services.locations=classpath*:broken-services/*.yaml"))
        .hasRootCauseInstanceOf(InvalidServiceDefinitionException.class)
        .rootCause()
        .hasMessageContaining("services/kapot.yaml")
        .hasMessageContaining("field 'sla.incident.P1'")
        .hasMessageContaining("must be an ISO-8601 duration");

    try (Connection db = DriverManager.getConnection(fileDatabase(), "sa", "")) {
      assertThat(count(db, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'ACT_RE_DEPLOYMENT'") == 0
          || count(db, "SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT WHERE NAME_ LIKE 'usm-service-%'") == 0)
          .as("no workflow of any service in the folder was deployed, the valid one neither").isTrue();
    }
  }

  @Test
  void productionRefusesToStartWithoutAnAdministratorPassword() {
    assertThatThrownBy(() -> start("prod", "--spring.datasource.url=jdbc:h2:mem:usm-prod-refused",
        "--USM_ADMIN_PASSWORD="))
        .hasMessageContaining("USM_ADMIN_PASSWORD");
    assertThatThrownBy(() -> start("prod", "--spring.datasource.url=jdbc:h2:mem:usm-prod-demo-password",
        "--USM_ADMIN_PASSWORD=admin"))
        .hasMessageContaining("refuses a demo password");
  }

  @Test
  void productionRefusesAServiceWhoseExternalLinkHasNoPasswordSet() {
    assertThatThrownBy(() -> start("prod", "--spring.datasource.url=jdbc:h2:mem:usm-prod-no-link-password",
        "--spring.datasource.username=sa", "--USM_ADMIN_PASSWORD=Kl8-ditIsGeheim",
        "--USM_SERVICES=classpath*:services/*.yaml"))
        .hasRootCauseInstanceOf(InvalidServiceDefinitionException.class)
        .rootCause()
        .hasMessageContaining("services/werkplek.yaml")
        .hasMessageContaining("field 'links[0].passwordFrom'")
        .hasMessageContaining("USM_LINK_IT_LEVERANCIER_PASSWORD', which is not set");
  }

  @Test
  void theDemoSupplierRunsItsOwnServiceWithMiddenstadsLinkAccount() {
    try (ConfigurableApplicationContext context = start(new String[] {"demo", "supplier"},
        "--spring.datasource.url=jdbc:h2:mem:usm-supplier")) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.checkPassword("middenstad", "middenstad")).isTrue();
      assertThat(identity.createUserQuery().memberOfGroup(org.usm.security.UsmGroups.LINK_ACCOUNTS).list())
          .extracting(u -> u.getId()).containsExactly("middenstad");
      assertThat(context.getBean(org.usm.definition.ServiceCatalog.class).all())
          .extracting(org.usm.definition.ServiceDefinition::id).containsExactly("werkplek");
    }
  }

  @Test
  void productionCreatesNoDemoUsers() {
    try (ConfigurableApplicationContext context = start("prod", "--spring.datasource.url=jdbc:h2:mem:usm-prod",
        "--spring.datasource.username=sa", "--USM_ADMIN_PASSWORD=Kl8-ditIsGeheim",
        "--USM_SERVICES=classpath*:services/*.yaml", "--USM_LINK_IT_LEVERANCIER_PASSWORD=Lev-2026-geheim")) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("admin");
      assertThat(identity.checkPassword("admin", "Kl8-ditIsGeheim")).isTrue();
      assertThat(identity.createGroupQuery().groupId("publieksdiensten-coordinatoren").count())
          .as("the groups the services bind exist, empty, for the administrator to fill").isEqualTo(1);
      assertThat(identity.createGroupQuery().groupIdIn("ketenregie-burgerzaken", "ketenregie-buitenruimte",
          "ketenregie-werkplek").count()).as("and so do the groups of the services' owners").isEqualTo(3);
    }
  }

  @Test
  void trackingNumbersContinueAfterARestart() {
    String first = registerIncidentAndStop();
    String second = registerIncidentAndStop();
    int sequence = Integer.parseInt(first.substring(first.lastIndexOf('-') + 1));
    assertThat(second).isEqualTo(first.substring(0, first.lastIndexOf('-') + 1) + String.format("%06d", sequence + 1));
  }

  private String registerIncidentAndStop() {
    try (ConfigurableApplicationContext context = start("demo", "--spring.datasource.url=" + fileDatabase())) {
      return context.getBean(CallIntakeService.class).register(new CallRequest("verhuizing", "incident",
          "Bevestiging verhuizing niet ontvangen", "inwoner-4711", null, null, null, null, null)).trackingNumber();
    }
  }

  private static int count(Connection db, String sql) throws Exception {
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
