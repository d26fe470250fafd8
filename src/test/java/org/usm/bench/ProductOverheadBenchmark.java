package org.usm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import javax.sql.DataSource;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.usm.UsmApplication;
import org.usm.definition.ServiceDefinition;
import org.usm.handover.RouteTargets;
import org.usm.instantiation.RoleGroups;
import org.usm.instantiation.ServiceBindings;
import org.usm.instantiation.WorkflowTemplateInstantiator;
import org.usm.intake.CallIntakeService;
import org.usm.intake.CallRequest;
import org.usm.intake.CallRequestValidator;
import org.usm.intake.NewCall;
import org.usm.model.Priority;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;
import org.usm.testing.BenchmarkFigures;
import org.usm.testing.HappyPath;
import org.usm.testing.PairedRatio;
import org.usm.testing.UsmTestEngine;

/**
 * The whole product against a plain Camunda engine on the same models (issue 12, DESIGN §6: at most
 * 1.5x): WF4 calls of the instantiated {@code verhuizing} workflows driven to their end, (a) through the
 * product as shipped (intake, rules, task presentation, SLA, audit, authorization) and (b) on a plain
 * engine with the same configuration (H2 in memory, or PostgreSQL with {@code -Dusm.bench.plain-postgres-url};
 * authorization on, revoke authorizations checked as the product's engine checks them; history FULL) running the
 * same models, started with the variables intake would give them, with none of the product's listeners or
 * plugins; the expressions the models name resolve to the product's lookups (groups, routes) or do
 * nothing (SLA breach, MIR). One driver for both, one JVM: first the SQL statements of an intake and of a
 * completion are counted in both (and those the product adds printed), then, with counting off, a warm-up
 * round of each and paired rounds in balanced order, whose ratios give the factor and its 95% interval
 * ({@link PairedRatio}), for a whole call and for an intake and a completion alone; the rounds on H2 go to
 * {@code target/benchmarks/product-overhead.csv}. With {@code -Dusm.bench.over=http} both sides are driven over HTTP by
 * the product's server (see {@link #OVER_HTTP}).
 * Not part of the test suite: {@code mvn test -Dusm.excluded-test-groups=none -Dtest=ProductOverheadBenchmark}.
 */
@Tag("benchmark")
class ProductOverheadBenchmark {

  /** Paired rounds timed: {@code -Dusm.bench.pairs}, at least ten for an interval worth quoting. */
  private static final int PAIRS = Integer.getInteger("usm.bench.pairs", 12);
  /** Calls a round: {@code -Dusm.bench.calls}. */
  private static final int CALLS = Integer.getInteger("usm.bench.calls", 100);
  /** Calls whose statements are counted, before the timed rounds. */
  private static final int COUNTED_CALLS = 50;
  /** The demo users' groups, read once: the driver must not cost more than what it drives. */
  private static final Map<String, List<String>> GROUPS = new HashMap<>();

  /**
   * How the benchmark works a side: {@code intake} registers the n-th WF4 call for verhuizing and answers its tracking
   * number, {@code worker} completes a step of a call as the demo user who works it.
   */
  private record Driver(IntFunction<String> intake, BiConsumer<String, Step> worker) {}

  private static final long COMPLETIONS_PER_CALL = WorkflowPattern.WF4.path().stream().filter(Step::isUserTask).count();
  private static final String INTAKE = "intake";
  private static final String COMPLETION = "completion";
  private static final List<String> CSV_HEADER = List.of("round", "engine", "ms_per_call", "statements_per_intake",
      "statements_per_completion");

  /**
   * {@code -Dusm.bench.plain-postgres-url=jdbc:postgresql://...}: both on PostgreSQL, the product on the database of
   * {@code USM_TEST_POSTGRES_URL} (with {@code _USER} and {@code _PASSWORD}), the plain engine on this one (same
   * user), both empty; H2 in memory otherwise.
   */
  private static final String PLAIN_POSTGRES_URL = System.getProperty("usm.bench.plain-postgres-url");
  /**
   * {@code -Dusm.bench.over=http}: both sides driven over HTTP by the same server: the product through its intake
   * ({@code POST /api/calls}) and {@code /engine-rest}, the plain engine through {@code /engine-rest/engine/plain-overhead}
   * (a process start with the variables intake would give); every step is found, claimed and completed over
   * {@code engine-rest} as its demo user with HTTP Basic. Through the Java API otherwise.
   */
  private static final boolean OVER_HTTP = "http".equals(System.getProperty("usm.bench.over"));
  private static final String PLAIN_ENGINE = "plain-overhead";
  private static final String REQUESTER = "inwoner-4711";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StatementCount productStatements = new StatementCount();
  private final StatementCount plainStatements = new StatementCount();

  @Test
  void printProductVersusPlainEngine() throws Exception {
    try (ConfigurableApplicationContext product = new SpringApplicationBuilder(UsmApplication.class).profiles("demo")
        .initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
          @Override
          public Object postProcessAfterInitialization(Object bean, String name) {
            return bean instanceof DataSource dataSource && name.equals("dataSource")
                ? productStatements.counting(dataSource) : bean;
          }
        }))
        .run(productArguments())) {
      ProcessEngine plain = plainEngine(product.getBean(ProcessEngine.class).getProcessEngineConfiguration());
      try {
        Driver productSide;
        Driver plainSide;
        if (OVER_HTTP) {
          RestUsers users = new RestUsers("http://localhost:" + product.getEnvironment().getProperty("local.server.port"));
          plainUsers(plain);
          productSide = new Driver(n -> users.as(REQUESTER, http -> JSON.readTree(http.post("/api/calls",
              JSON.writeValueAsString(Map.of("serviceId", "verhuizing", "type", "incident", "summary", "Benchmark " + n,
                  "requester", REQUESTER, "pattern", "WF4")))).get("trackingNumber").asText()),
              overHttp(users, "/engine-rest"));
          String plainRest = "/engine-rest/engine/" + PLAIN_ENGINE;
          plainSide = new Driver(plainIntake(plain, (workflow, start) -> users.as(REQUESTER, http -> http.post(
              plainRest + "/process-definition/" + workflow + "/start", JSON.writeValueAsString(Map.of(
                  "businessKey", start.getKey(), "variables", restVariables(start.getValue())))))),
              overHttp(users, plainRest));
        } else {
          CallIntakeService intake = product.getBean(CallIntakeService.class);
          ProcessEngine productEngine = product.getBean(ProcessEngine.class);
          productSide = new Driver(n -> intake.register(new CallRequest("verhuizing", "incident", "Benchmark " + n,
              REQUESTER, null, null, null, null, "WF4")).trackingNumber(), (call, step) -> complete(productEngine, call, step));
          plainSide = new Driver(plainIntake(plain, (workflow, start) -> plain.getRuntimeService()
              .startProcessInstanceById(workflow, start.getKey(), start.getValue())),
              (call, step) -> complete(plain, call, step));
        }
        // The statements first, counted over calls of their own: counting costs time, so the timed rounds
        // run with it off.
        msPerCall(productSide, 0, COUNTED_CALLS, productStatements);
        msPerCall(plainSide, 0, COUNTED_CALLS, plainStatements);
        productStatements.stop();
        plainStatements.stop();
        msPerCall(productSide, 1, CALLS, productStatements); // warm-up, not counted
        msPerCall(plainSide, 1, CALLS, plainStatements);
        List<Round> productRounds = new ArrayList<>();
        List<Round> plainRounds = new ArrayList<>();
        for (int pair = 1; pair <= PAIRS; pair++) {
          // Balanced order (ABBA...): whichever side runs second in a pair does so in half of the pairs.
          Round p;
          Round e;
          if (pair % 2 == 1) {
            p = msPerCall(productSide, pair + 1, CALLS, productStatements);
            e = msPerCall(plainSide, pair + 1, CALLS, plainStatements);
          } else {
            e = msPerCall(plainSide, pair + 1, CALLS, plainStatements);
            p = msPerCall(productSide, pair + 1, CALLS, productStatements);
          }
          productRounds.add(p);
          plainRounds.add(e);
          if (PLAIN_POSTGRES_URL == null && !OVER_HTTP) { // the committed CSV and its plot are of H2, Java API
            BenchmarkFigures.appendCsv("product-overhead", CSV_HEADER, pair, "product", p.call(),
                perIntake(productStatements), perCompletion(productStatements));
            BenchmarkFigures.appendCsv("product-overhead", CSV_HEADER, pair, "plain engine", e.call(),
                perIntake(plainStatements), perCompletion(plainStatements));
          }
        }
        System.out.printf("%nPRODUCT OVERHEAD (WF4 calls of verhuizing driven to closed, %d a round, %d paired rounds "
            + "in balanced order after a warm-up, statements not counted while timing, %s, %s, authorization "
            + "on, revoke checks %s, history FULL)%n", CALLS, PAIRS, OVER_HTTP ? "over HTTP" : "Java API",
            PLAIN_POSTGRES_URL == null ? "H2 in memory" : "PostgreSQL",
            plain.getProcessEngineConfiguration().getAuthorizationCheckRevokes());
        for (String measure : List.of("call", "intake", "completion")) {
          List<Double> productMs = productRounds.stream().map(r -> r.of(measure)).toList();
          List<Double> plainMs = plainRounds.stream().map(r -> r.of(measure)).toList();
          System.out.printf("  a %s: product %s ms, plain engine %s ms%n", measure, summary(productMs), summary(plainMs));
          System.out.printf("  product vs plain engine%s: %s%n", measure.equals("call") ? "" : ", a " + measure,
              PairedRatio.of(productMs, plainMs));
        }
        System.out.println();
        printStatements();
      } finally {
        plain.close();
      }
    }
  }

  private static String[] productArguments() {
    List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--usm.demo.calls-enabled=false", "--usm.services.deploy-in-background=false", "--logging.level.root=WARN",
        "--spring.datasource.url=jdbc:h2:mem:overhead-product;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"));
    if (PLAIN_POSTGRES_URL != null) {
      arguments.addAll(List.of(BenchProduct.postgres().orElseThrow(() -> new IllegalStateException(
          "usm.bench.plain-postgres-url needs USM_TEST_POSTGRES_URL for the product"))));
    }
    arguments.addAll(BenchProduct.tried());
    return BenchProduct.merged(arguments);
  }

  /** Milliseconds a call, an intake and a completion over a round of calls, each worked along WF4 to its end. */
  private record Round(double call, double intake, double completion) {
    double of(String measure) {
      return switch (measure) {
        case "intake" -> intake;
        case "completion" -> completion;
        default -> call;
      };
    }
  }

  private static Round msPerCall(Driver driver, int round, int calls, StatementCount statements) {
    long intakes = 0;
    long completions = 0;
    for (int i = 0; i < calls; i++) {
      statements.phase(INTAKE);
      long start = System.nanoTime();
      String call = driver.intake().apply(round * CALLS + i);
      long registered = System.nanoTime();
      intakes += registered - start;
      statements.phase(COMPLETION);
      for (Step step : WorkflowPattern.WF4.path()) {
        if (step.isUserTask()) {
          driver.worker().accept(call, step);
        }
      }
      completions += System.nanoTime() - registered;
    }
    return new Round((intakes + completions) / 1e6 / calls, intakes / 1e6 / calls,
        completions / 1e6 / calls / COMPLETIONS_PER_CALL);
  }

  /** Statements an intake, over the counted calls. */
  private static double perIntake(StatementCount statements) {
    return statements.total(INTAKE) / (double) COUNTED_CALLS;
  }

  private static double perCompletion(StatementCount statements) {
    return statements.total(COMPLETION) / (double) (COUNTED_CALLS * COMPLETIONS_PER_CALL);
  }

  /** Statements per intake and per completion of both, by kind, and the statements the product adds. */
  private void printStatements() {
    long intakes = COUNTED_CALLS;
    long completions = intakes * COMPLETIONS_PER_CALL;
    System.out.printf("  SQL statements (each row of a batch counted; round trips in brackets)%n");
    for (String phase : List.of(INTAKE, COMPLETION)) {
      long count = phase.equals(INTAKE) ? intakes : completions;
      System.out.printf("    a %s: product %.1f (%.1f) %s, plain engine %.1f (%.1f) %s%n", phase,
          productStatements.total(phase) / (double) count, productStatements.roundTrips(phase) / (double) count,
          perKind(productStatements, phase, count), plainStatements.total(phase) / (double) count,
          plainStatements.roundTrips(phase) / (double) count, perKind(plainStatements, phase, count));
      Map<String, Long> product = productStatements.byStatement(phase);
      Map<String, Long> plain = plainStatements.byStatement(phase);
      Map<String, Double> added = new HashMap<>();
      product.forEach((statement, n) -> added.put(statement, (n - plain.getOrDefault(statement, 0L)) / (double) count));
      plain.forEach((statement, n) -> added.putIfAbsent(statement, -n / (double) count));
      System.out.printf("    what the product adds to a %s, most first:%n", phase);
      added.entrySet().stream().filter(e -> Math.abs(e.getValue()) >= 0.05)
          .sorted((a, b) -> Double.compare(Math.abs(b.getValue()), Math.abs(a.getValue()))).limit(15)
          .forEach(e -> System.out.printf("      %+6.2f  %s%n", e.getValue(), e.getKey()));
    }
  }

  private static String perKind(StatementCount statements, String phase, long count) {
    StringBuilder kinds = new StringBuilder();
    statements.byKind(phase).forEach((kind, n) -> kinds.append(kinds.isEmpty() ? "" : ", ")
        .append(kind).append(' ').append(String.format("%.1f", n / (double) count)));
    return "[" + kinds + "]";
  }

  private static void complete(ProcessEngine engine, String call, Step step) {
    TaskService tasks = engine.getTaskService();
    IdentityService identity = engine.getIdentityService();
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(call).taskDefinitionKey(step.id()).singleResult();
    String user = HappyPath.demoUser(step);
    identity.setAuthentication(user, GROUPS.computeIfAbsent(user, UsmTestEngine::groupsOf));
    try {
      tasks.complete(task.getId(), HappyPath.variables(step, WorkflowPattern.WF4));
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * The same start intake gives a call, without intake: {@code start} starts the workflow with the call's tracking
   * number (the key) and the variables of a WF4 call (the value).
   */
  private static IntFunction<String> plainIntake(ProcessEngine plain,
      BiConsumer<String, Map.Entry<String, Map<String, Object>>> start) {
    Map<String, ServiceDefinition> services = new HashMap<>();
    UsmTestEngine.demoServices().forEach(s -> services.put(s.id(), s));
    CallRequestValidator validator = new CallRequestValidator(id -> Optional.ofNullable(services.get(id)),
        (id, day) -> true);
    String workflow = plain.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(WorkflowPattern.WF4.keyFor("verhuizing")).latestVersion().singleResult().getId();
    return n -> {
      NewCall call = validator.validate(new CallRequest("verhuizing", "incident", "Benchmark " + n, "inwoner-4711",
          null, null, null, null, "WF4"), LocalDate.now());
      String trackingNumber = String.format("INC-2026-%06d", n + 1);
      Date due = Date.from(Instant.now().plus(Duration.ofDays(2)));
      start.accept(workflow, Map.entry(trackingNumber,
          call.variables(trackingNumber, Priority.P3, workflow, due.toInstant(), null)));
      return trackingNumber;
    };
  }

  /** A plain engine configured as the product's: history FULL, authorization on and checked as the product checks. */
  private ProcessEngine plainEngine(ProcessEngineConfiguration product) throws IOException {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName(PLAIN_ENGINE);
    // The pool the engine builds from a JDBC URL, with the statements counted.
    configuration.setDataSource(plainStatements.counting(PLAIN_POSTGRES_URL == null
        ? new PooledDataSource("org.h2.Driver", "jdbc:h2:mem:overhead-plain;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "")
        : new PooledDataSource("org.postgresql.Driver", PLAIN_POSTGRES_URL, System.getenv("USM_TEST_POSTGRES_USER"),
            System.getenv("USM_TEST_POSTGRES_PASSWORD"))));
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setAuthorizationEnabled(true);
    configuration.setAuthorizationCheckRevokes(product.getAuthorizationCheckRevokes());
    configuration.setGeneralResourceWhitelistPattern(((ProcessEngineConfigurationImpl) product)
        .getGeneralResourceWhitelistPattern()); // the groups' ids, as the product allows them
    configuration.setJobExecutorActivate(false);
    configuration.setEnforceHistoryTimeToLive(true);
    configuration.setJavaSerializationFormatEnabled(false);
    Map<Object, Object> beans = new HashMap<>();
    configuration.setBeans(beans);
    ProcessEngine engine = configuration.buildProcessEngine();
    ServiceBindings bindings = new ServiceBindings(engine.getRepositoryService());
    beans.put(RoleGroups.BEAN_NAME, new RoleGroups(bindings));
    beans.put(RouteTargets.BEAN_NAME, new RouteTargets());
    beans.put("slaBreach", (ExecutionListener) execution -> { });
    beans.put("updateMir", (JavaDelegate) execution -> { });

    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("usm-models");
    for (Resource resource : UsmTestEngine.resources("classpath*:bpmn/processes/*.bpmn",
        "classpath*:bpmn/decisions/*.dmn", "classpath*:forms/*.form")) {
      try (InputStream in = resource.getInputStream()) {
        deployment.addInputStream(resource.getFilename(), new java.io.ByteArrayInputStream(in.readAllBytes()));
      }
    }
    WorkflowTemplateInstantiator instantiator = new WorkflowTemplateInstantiator();
    ServiceDefinition verhuizing = UsmTestEngine.demoServices().stream().filter(s -> s.id().equals("verhuizing"))
        .findFirst().orElseThrow();
    for (WorkflowPattern pattern : WorkflowPattern.values()) {
      deployment.addModelInstance(pattern.keyFor("verhuizing") + ".bpmn", instantiator.instantiate(pattern, verhuizing));
    }
    deployment.deploy();
    return engine;
  }

  /**
   * The demo users who work WF4 and the requester, in the plain engine, with their ids as passwords as in the demo;
   * the requester may start the workflow, as the product lets a requester register a call.
   */
  private static void plainUsers(ProcessEngine plain) {
    IdentityService identity = plain.getIdentityService();
    Set<String> workers = new HashSet<>();
    WorkflowPattern.WF4.path().stream().filter(Step::isUserTask).map(HappyPath::demoUser).forEach(workers::add);
    for (String id : workers) {
      newUser(identity, id);
      for (String group : UsmTestEngine.groupsOf(id)) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
          identity.saveGroup(identity.newGroup(group));
        }
        identity.createMembership(id, group);
      }
    }
    newUser(identity, REQUESTER);
    AuthorizationService authorizations = plain.getAuthorizationService();
    grant(authorizations, Resources.PROCESS_DEFINITION, WorkflowPattern.WF4.keyFor("verhuizing"), Permissions.READ,
        Permissions.CREATE_INSTANCE);
    grant(authorizations, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
  }

  private static void newUser(IdentityService identity, String id) {
    User user = identity.newUser(id);
    user.setPassword(id);
    identity.saveUser(user);
  }

  private static void grant(AuthorizationService authorizations, Resources resource, String resourceId,
      Permissions... permissions) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(REQUESTER);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    for (Permissions permission : permissions) {
      grant.addPermission(permission);
    }
    authorizations.saveAuthorization(grant);
  }

  /** Finds the step's task of the call, claims and completes it over the engine REST API at {@code engineRest}. */
  private static BiConsumer<String, Step> overHttp(RestUsers users, String engineRest) {
    return (call, step) -> {
      String user = HappyPath.demoUser(step);
      users.as(user, http -> {
        String task = JSON.readTree(http.get(engineRest + "/task?processInstanceBusinessKey=" + call
            + "&taskDefinitionKey=" + step.id())).get(0).get("id").asText();
        http.post(engineRest + "/task/" + task + "/claim", "{\"userId\":\"" + user + "\"}");
        return http.post(engineRest + "/task/" + task + "/complete", JSON.writeValueAsString(Map.of("variables",
            restVariables(HappyPath.variables(step, WorkflowPattern.WF4)))));
      });
    };
  }

  /** Variables as the engine's REST API takes them: a value and its type. */
  private static Map<String, Map<String, Object>> restVariables(Map<String, Object> variables) {
    Map<String, Map<String, Object>> rest = new HashMap<>();
    variables.forEach((name, value) -> {
      Map<String, Object> typed = new HashMap<>();
      typed.put("value", value instanceof Date date ? REST_DATE.format(date.toInstant()) : value);
      typed.put("type", restType(name, value));
      rest.put(name, typed);
    });
    return rest;
  }

  private static String restType(String name, Object value) {
    if (value == null) {
      return "Null";
    }
    for (Class<?> type : List.of(String.class, Boolean.class, Integer.class, Date.class)) {
      if (type.isInstance(value)) {
        return type.getSimpleName();
      }
    }
    throw new IllegalArgumentException(name + ": no REST type for " + value.getClass());
  }

  private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
      .withZone(ZoneOffset.UTC);

  /** A client per demo user, each with its own connection as a person's browser would have. */
  private static final class RestUsers {
    private final String base;
    private final Map<String, HttpTimer> clients = new HashMap<>();

    RestUsers(String base) {
      this.base = base;
    }

    /** What one user asks and reads from the answers. */
    interface Exchange {
      String with(HttpTimer http) throws Exception;
    }

    /** The exchange as the user; any answer but 2xx fails the benchmark. */
    String as(String user, Exchange exchange) {
      try {
        return exchange.with(clients.computeIfAbsent(user, id -> new HttpTimer(base, id, 0, 0)));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static String summary(List<Double> values) {
    return String.format("median %.1f (min %.1f, max %.1f)", BenchmarkFigures.median(values),
        values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
        values.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
  }
}
