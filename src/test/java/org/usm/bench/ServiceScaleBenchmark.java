package org.usm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.usm.UsmApplication;
import org.usm.definition.ServiceCatalog;
import org.usm.definition.ServiceDefinition;
import org.usm.design.ServiceDesign;
import org.usm.instantiation.ServiceWorkflowsAtStartup;
import org.usm.instantiation.WorkflowTemplateInstantiator;
import org.usm.model.WorkflowPattern;

/**
 * Prints what the number of services costs (issue 11): deploying 500 services one by one through the
 * designer API's service (each validated, instantiated and deployed as its own deployment) against a
 * plain Camunda engine deploying the same 4,000 generated workflow definitions in one deployment, both
 * on an H2 file database with history FULL and authorization on; and the start-up time with 100 services
 * against the demo services alone (3 when measured, 4 now), first start (seed and deploy) and restart.
 * Targets: at most 1.5x and 1.2x. Not part of the test suite:
 * {@code mvn test -Dusm.excluded-test-groups=none -Dtest=ServiceScaleBenchmark}.
 */
@Tag("benchmark")
class ServiceScaleBenchmark {

  private static final int DEPLOYED = 500;
  private static final int STARTED = 100;
  private static final int ROUNDS = 3;

  @Test
  void printServiceScale() throws Exception {
    String template = GeneratedServices.verhuizing();
    List<String> definitions = new ArrayList<>();
    for (int i = 1; i <= DEPLOYED; i++) {
      definitions.add(GeneratedServices.definition(template, String.format("dienst-%03d", i)));
    }

    double product = productDeploys(definitions);
    double plain = plainEngineDeploys(definitions);
    int demo = GeneratedServices.demoCount();
    Path files = GeneratedServices.writeFiles(STARTED - demo);
    // Alternated rounds, the median of each: start times on this machine vary by a second between runs.
    List<double[]> demos = new ArrayList<>();
    List<double[]> hundreds = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      demos.add(startTwice(Files.createTempDirectory("usm-scale-demo"), GeneratedServices.DEMO_LOCATION));
      hundreds.add(startTwice(Files.createTempDirectory("usm-scale-100"), GeneratedServices.demoAnd(files)));
    }
    double[] startDemo = medians(demos);
    double[] startHundred = medians(hundreds);

    System.out.printf("%nSERVICE SCALE (H2 file database, history FULL, authorization on; starts: median of %d)%n",
        ROUNDS);
    System.out.printf("  deploy %d services (%,d workflow definitions): product %.1f s (%.0f ms a service), "
        + "plain engine in one deployment %.1f s: %.2fx%n", DEPLOYED, DEPLOYED * 8, product, 1000 * product / DEPLOYED,
        plain, product / plain);
    String[] rounds = {"first start", "restart    "};
    for (int round = 0; round < 2; round++) {
      System.out.printf("  %s: started %d services %.1f s, %d services %.1f s: %.2fx; ready (workflows deployed) "
          + "%.1f s and %.1f s: %.2fx%n", rounds[round], demo, startDemo[round], STARTED, startHundred[round],
          startHundred[round] / startDemo[round], startDemo[round + 2], startHundred[round + 2],
          startHundred[round + 2] / startDemo[round + 2]);
    }
    System.out.println();
  }

  private static double productDeploys(List<String> definitions) throws IOException {
    Path data = Files.createTempDirectory("usm-scale-deploy");
    try (ConfigurableApplicationContext context = start(data, GeneratedServices.DEMO_LOCATION, false)) {
      ServiceDesign design = context.getBean(ServiceDesign.class);
      IdentityService identity = context.getBean(IdentityService.class);
      identity.setAuthentication("designer", List.of("usm-designers"));
      long start = System.nanoTime();
      for (String definition : definitions) {
        design.create(definition);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      identity.clearAuthentication();
      return seconds;
    }
  }

  private static double plainEngineDeploys(List<String> definitions) throws IOException {
    Path data = Files.createTempDirectory("usm-scale-plain");
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:file:" + data.resolve("plain") + ";WRITE_DELAY=0");
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setAuthorizationEnabled(true);
    configuration.setJobExecutorActivate(false);
    configuration.setEnforceHistoryTimeToLive(true);
    configuration.setProcessEngineName("plain-scale");
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      org.usm.definition.ServiceDefinitionReader parse = new org.usm.definition.ServiceDefinitionReader();
      WorkflowTemplateInstantiator instantiator = new WorkflowTemplateInstantiator();
      DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("all-services");
      for (String text : definitions) {
        ServiceDefinition service = parse.read("bench", new java.io.ByteArrayInputStream(
            text.getBytes(StandardCharsets.UTF_8)), null);
        for (WorkflowPattern pattern : WorkflowPattern.values()) {
          BpmnModelInstance model = instantiator.instantiate(pattern, service);
          deployment.addModelInstance(pattern.keyFor(service.id()) + ".bpmn", model);
        }
      }
      long start = System.nanoTime();
      deployment.deploy();
      return (System.nanoTime() - start) / 1e9;
    } finally {
      engine.close();
    }
  }

  private static double[] medians(List<double[]> rounds) {
    double[] medians = new double[rounds.get(0).length];
    for (int i = 0; i < medians.length; i++) {
      int measure = i;
      medians[i] = rounds.stream().mapToDouble(r -> r[measure]).sorted().toArray()[rounds.size() / 2];
    }
    return medians;
  }

  /**
   * Seconds to a started product (answering, the workflows deployed in the background) and to a ready
   * one (every workflow deployed): on an empty database, then again on the same one.
   */
  private static double[] startTwice(Path data, String locations) throws InterruptedException {
    double[] seconds = new double[4];
    for (int round = 0; round < 2; round++) {
      long start = System.nanoTime();
      try (ConfigurableApplicationContext context = start(data, locations)) {
        seconds[round] = (System.nanoTime() - start) / 1e9;
        ServiceWorkflowsAtStartup workflows = context.getBean(ServiceWorkflowsAtStartup.class);
        while (!workflows.isReady()) {
          Thread.sleep(10);
        }
        seconds[round + 2] = (System.nanoTime() - start) / 1e9;
      }
    }
    return seconds;
  }

  private static ConfigurableApplicationContext start(Path data, String locations) {
    return start(data, locations, true);
  }

  private static ConfigurableApplicationContext start(Path data, String locations, boolean inBackground) {
    return new SpringApplicationBuilder(UsmApplication.class).profiles("demo").run("--server.port=0",
        "--usm.services.deploy-in-background=" + inBackground,
        "--camunda.bpm.job-execution.enabled=false", "--usm.demo.calls-enabled=false", "--logging.level.root=WARN",
        "--camunda.bpm.generate-unique-process-engine-name=true", "--usm.services.locations=" + locations,
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("usm") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
  }
}
