package org.usm.engine;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.usm.clock.UsmClock;
import org.usm.cluster.StartupLock;

/**
 * Attaches the product's rules to the engine: to every model it parses (deployment checks, handover and
 * separation-of-duties checks, the call lifecycle, register writes, re-routes, the improvement loop, in
 * the order of the listeners' {@code @Order}: checks before anything that changes state), to every
 * command a user issues ({@link UserCommandGuard}), to every change of who holds a task
 * ({@link StepAuthorizationProvider}) and to every deployment ({@link DeploymentGuard}); a
 * command that lost a race with another on the same call runs again ({@link ConcurrentChanges}); its full
 * history leaves out the call's context copied into called processes ({@link CallHistoryLevel}); its authorization
 * checks and its tables keep their cost flat as the open work grows ({@link GroupsAsAuthenticated},
 * {@link EngineIndexes}).
 * Expressions anywhere in the engine (models, decisions, stored Tasklist filters) reach only the beans
 * the product's models name, not the whole application.
 */
@Component
public class UsmEnginePlugin extends AbstractProcessEnginePlugin {

  private final List<ModelListener> listeners;
  private final UserCommandGuard commandGuard;
  private final DeploymentGuard deploymentGuard;
  private final ApplicationContext applicationContext;
  private final StartupLock startupLock;

  @org.springframework.beans.factory.annotation.Autowired
  public UsmEnginePlugin(List<ModelListener> listeners, UserCommandGuard commandGuard,
      DeploymentGuard deploymentGuard, ApplicationContext applicationContext, StartupLock startupLock) {
    this.listeners = listeners;
    this.commandGuard = commandGuard;
    this.deploymentGuard = deploymentGuard;
    this.applicationContext = applicationContext;
    this.startupLock = startupLock;
  }

  /**
   * The rules and guards for an engine built without Spring (the process tests): the caller gives the
   * engine its model beans itself, and runs a single node.
   */
  public UsmEnginePlugin(List<ModelListener> listeners, UserCommandGuard commandGuard,
      DeploymentGuard deploymentGuard) {
    this(listeners, commandGuard, deploymentGuard, null, null);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (startupLock != null) {
      // Before the engine touches its tables: nodes on one database start one at a time.
      startupLock.acquire();
    }
    // One clock: the product's records carry the engine's time, also when a test or the demo moves it.
    UsmClock.follow(EngineTime::now);
    configuration.setBpmnParseFactory(CompiledSchemaBpmnParse.FACTORY);
    configuration.setCustomHistoryLevels(appended(configuration.getCustomHistoryLevels(),
        List.<HistoryLevel>of(new CallHistoryLevel())));
    configuration.setCommandContextFactory(new RefusalsAreAnswers(configuration));
    configuration.setCustomPostBPMNParseListeners(appended(configuration.getCustomPostBPMNParseListeners(),
        listeners.stream().map(ModelListenerAdapter::new).toList()));
    configuration.setCustomPreCommandInterceptorsTxRequired(appended(
        configuration.getCustomPreCommandInterceptorsTxRequired(), List.<CommandInterceptor>of(new ConcurrentChanges())));
    configuration.setCustomPostCommandInterceptorsTxRequired(
        appended(configuration.getCustomPostCommandInterceptorsTxRequired(), List.<CommandInterceptor>of(commandGuard)));
    configuration.setCustomPreDeployers(appended(configuration.getCustomPreDeployers(), List.<Deployer>of(deploymentGuard)));
    configuration.setCustomSessionFactories(appended(configuration.getCustomSessionFactories(),
        List.<SessionFactory>of(new GroupsAsAuthenticated())));
    if (applicationContext != null) {
      configuration.setResourceAuthorizationProvider(new StepAuthorizationProvider(
          () -> applicationContext.getBeanProvider(StepHolding.class).orderedStream().toList()));
      Map<Object, Object> beans = new ModelBeanLookup(applicationContext);
      configuration.setBeans(beans);
      configuration.setExpressionManager(new SpringExpressionManager(applicationContext, beans));
    }
  }

  /** The engine's tables exist now (created or updated by the engine): the indexes it lacks are added. */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    EngineIndexes.ensure(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource());
  }

  private static <T> List<T> appended(List<T> existing, List<? extends T> more) {
    List<T> all = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    all.addAll(more);
    return all;
  }

  /** The model beans, looked up when an expression first needs one (they are built after the engine). */
  private static final class ModelBeanLookup extends AbstractMap<Object, Object> {

    private final ApplicationContext context;

    ModelBeanLookup(ApplicationContext context) {
      this.context = context;
    }

    @Override
    public boolean containsKey(Object name) {
      return ModelBeans.NAMES.contains(name);
    }

    @Override
    public Object get(Object name) {
      return containsKey(name) ? context.getBean((String) name) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      throw new UnsupportedOperationException("model beans are looked up by name only");
    }
  }
}
