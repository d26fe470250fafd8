package org.usm.engine;

import org.usm.clock.UsmClock;
import static org.usm.engine.CommandFields.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.RestartProcessInstanceBuilderImpl;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetProcessDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetProcessInstanceStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateDecisionDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateProcessDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.impl.migration.MigrationPlanExecutionBuilderImpl;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;
import org.usm.trust.FormFields;
import org.usm.trust.CompletionPayload;
import org.usm.trust.FilterExpressions;
import org.usm.trust.ProtectedVariables;
import org.usm.language.Language;
import org.usm.language.Phrase;
import org.usm.language.Words;
import org.usm.trust.TrustRule;

/**
 * The engine's gate for what users do to calls (DESIGN §7): every command an authenticated user issues,
 * through the Java API or either REST API, passes here before it runs. Commands the product issues
 * itself, without a user or nested in a user's command (a fork, a re-route), pass untouched.
 *
 * <ul>
 *   <li>T1: no command of a user carries a protected variable, except a step's own form field;</li>
 *   <li>T2: a completion carries its step's form fields only;</li>
 *   <li>T4: no user starts a process of the product: calls start through intake;</li>
 *   <li>T5: interventions on a call (cancellation, modification, migration, variable changes, suspension,
 *       job retries) are an administrator's and are written to the call's trail; those that cannot name
 *       their calls (batches, whole definitions) and those that erase history are refused. The SLA timer
 *       of a call is the product's (T1): not moved, suspended, deleted or fired early. The product's
 *       deployments and definitions are not deleted, nor their history's time to live changed.</li>
 *   <li>T3 (with the deployment guard): a stored filter's expressions are limited to those Tasklist
 *       offers, since they run on the server.</li>
 * </ul>
 */
@Component
public class UserCommandGuard extends CommandInterceptor {

  /** Commands that act on calls without naming them, or erase their history: refused for every user. */
  static final Set<String> REFUSED_COMMANDS = Set.of(
      "DeleteProcessInstanceBatchCmd", "ProcessInstanceModificationBatchCmd", "MigrateProcessInstanceBatchCmd",
      "RestartProcessInstancesBatchCmd", "SetVariablesToProcessInstancesBatchCmd",
      "UpdateProcessInstancesSuspendStateBatchCmd", "UpdateProcessInstancesSuspendStateCmd", "SetJobsRetriesBatchCmd",
      "SetJobsRetriesByProcessBatchCmd", "CorrelateAllMessageBatchCmd", "DeleteHistoricProcessInstancesBatchCmd",
      "DeleteHistoricProcessInstancesCmd", "DeleteHistoricTaskInstanceCmd", "DeleteHistoricVariableInstanceCmd",
      "DeleteHistoricVariableInstancesByProcessInstanceIdCmd", "SetRemovalTimeToHistoricProcessInstancesCmd",
      "SetRemovalTimeToHistoricDecisionInstancesCmd", "DeleteHistoricDecisionInstancesBatchCmd",
      "DeleteHistoricDecisionInstancesBulkCmd", "DeleteHistoricDecisionInstanceByDefinitionIdCmd",
      "DeleteHistoricDecisionInstanceByInstanceIdCmd", "DeleteUserOperationLogEntryCmd");

  private static final ThreadLocal<Boolean> INSIDE_USER_COMMAND = new ThreadLocal<>();
  private static final Phrase PROTECTED = new Phrase("variable '%s' is protected (%s): %s cannot set, change or delete it",
      "variabele '%s' is beschermd (%s): %s kan haar niet zetten, wijzigen of verwijderen");

  private final FormFields forms;
  private final ApplicationEventPublisher events;
  private final RuleEnforcement enforcement;
  private final AuditTrail audit;
  // Built with the engine, which the service bindings read: resolved when a refusal needs a language.
  private final ObjectProvider<CallLanguage> languages;

  public UserCommandGuard(FormFields forms, RuleEnforcement enforcement, AuditTrail audit,
      ApplicationEventPublisher events, ObjectProvider<CallLanguage> languages) {
    this.languages = languages;
    this.events = events;
    this.forms = forms;
    this.enforcement = enforcement;
    this.audit = audit;
  }

  @Override
  public <T> T execute(Command<T> command) {
    CommandContext context = Context.getCommandContext();
    String user = context == null ? null : context.getAuthenticatedUserId();
    if (user == null || INSIDE_USER_COMMAND.get() != null) {
      return next.execute(command);
    }
    INSIDE_USER_COMMAND.set(Boolean.TRUE);
    try {
      UserCommand checked = new UserCommand(context, user);
      inspect(command, checked);
      T result = next.execute(command);
      checked.interventions.forEach(audit::record);
      checked.exceptions.forEach(exception -> events.publishEvent(new ExceptionDecided(exception)));
      return result;
    } finally {
      INSIDE_USER_COMMAND.remove();
    }
  }

  private void inspect(Command<?> command, UserCommand c) {
    String name = command.getClass().getSimpleName();
    CommandContext context = c.context;
    if (REFUSED_COMMANDS.contains(name)) {
      throw c.refuse(TrustRule.T5, null, null, name.replace("Cmd", "") + " is not open to users of this engine: "
          + "interventions on calls name their call and are made one call at a time, so that each is on the "
          + "call's record, and history is removed only by retention");
    }
    if (isWorkOnATask(command)) {
      String taskId = read(command, "taskId");
      if (taskId != null && context.getTaskManager().findTaskById(taskId) == null) {
        throw ConcurrentChanges.taskGone(taskId);
      }
    }
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      Object variables = read(command, command instanceof SubmitTaskFormCmd ? "properties" : "variables");
      c.completion(CallTarget.ofTask(context, read(command, "taskId")), names(variables));
    } else if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
      c.refuseOnCall(CallTarget.ofTask(context, read(command, "taskId")), TrustRule.T5,
          new Phrase("a USM step ends by completing it; it throws no errors or escalations",
              "een USM-stap eindigt door haar af te ronden; ze gooit geen fouten of escalaties"));
    } else if (command instanceof AbstractVariableCmd || command instanceof AbstractPatchVariablesCmd) {
      variableWrite(command, c);
    } else if (command instanceof StartProcessInstanceCmd || command instanceof StartProcessInstanceAtActivitiesCmd) {
      ProcessInstantiationBuilderImpl start = read(command, "instantiationBuilder");
      c.start(CallTarget.definitionKey(context, start.getProcessDefinitionId(), start.getProcessDefinitionKey()));
    } else if (command instanceof SubmitStartFormCmd) {
      c.start(CallTarget.definitionKey(context, read(command, "processDefinitionId"), null));
    } else if (command instanceof AbstractRestartProcessInstanceCmd) {
      RestartProcessInstanceBuilderImpl restart = read(command, "builder");
      c.start(CallTarget.definitionKey(context, restart.getProcessDefinitionId(), null));
    } else if (command instanceof AbstractCorrelateMessageCmd) {
      MessageCorrelationBuilderImpl message = read(command, "builder");
      CallTarget target = CallTarget.ofExecution(context, message.getProcessInstanceId());
      c.noProtected(target != null ? target : CallTarget.ofBusinessKey(message.getBusinessKey()),
          Words.of(new Phrase("correlating message '%s'", "het afleveren van bericht '%s'"), message.getMessageName()),
          names(message.getPayloadProcessInstanceVariables(), message.getPayloadProcessInstanceVariablesLocal(),
              message.getPayloadProcessInstanceVariablesToTriggeredScope()));
    } else if (command instanceof MessageEventReceivedCmd) {
      CallTarget target = CallTarget.ofExecution(context, read(command, "executionId"));
      c.noProtected(target, new Phrase("delivering a message", "het afleveren van een bericht"), names(read(command, "processVariables"),
          read(command, "processVariablesLocal"), read(command, "processVariablesToTriggeredScope")));
      c.refuseOnCall(target, TrustRule.T5, new Phrase("a USM step waits for its completion, not for messages",
          "een USM-stap wacht op haar afronding, niet op berichten"));
    } else if (command instanceof SignalCmd) {
      CallTarget target = CallTarget.ofExecution(context, read(command, "executionId"));
      c.noProtected(target, new Phrase("signalling an execution", "het signaleren van een uitvoering"), names((Object) read(command, "processVariables")));
      c.refuseOnCall(target, TrustRule.T5, new Phrase("a USM step ends by completing it, not by signalling its "
          + "execution", "een USM-stap eindigt door haar af te ronden, niet door haar uitvoering te signaleren"));
    } else if (command instanceof SignalEventReceivedCmd) {
      SignalEventReceivedBuilderImpl signal = read(command, "builder");
      CallTarget target = CallTarget.ofExecution(context, signal.getExecutionId());
      c.noProtected(target, Words.of(new Phrase("sending signal '%s'", "het versturen van signaal '%s'"),
          signal.getSignalName()), names(signal.getVariables()));
      c.refuseOnCall(target, TrustRule.T5, new Phrase("a USM step waits for its completion, not for signals",
          "een USM-stap wacht op haar afronding, niet op signalen"));
    } else if (command instanceof ModifyProcessInstanceCmd) {
      modification(read(command, "builder"), c);
    } else if (command instanceof AbstractMigrationCmd) {
      migration(read(command, "executionBuilder"), c);
    } else if (command instanceof DeleteProcessInstanceCmd || command instanceof DeleteProcessInstancesCmd) {
      List<String> ids = command instanceof DeleteProcessInstanceCmd
          ? List.of(CommandFields.<String>read(command, "processInstanceId"))
          : read(command, "processInstanceIds");
      String reason = read(command, "deleteReason");
      for (String id : ids == null ? List.<String>of() : ids) {
        c.exception(CallTarget.ofExecution(context, id), "cancelled the call's process instance " + id
            + (reason == null || reason.isBlank() ? " without giving a reason" : ": " + reason));
      }
    } else if (command instanceof AbstractSetProcessInstanceStateCmd) {
      String verb = name.startsWith("Suspend") ? "suspended" : "activated";
      String instance = read(command, "processInstanceId");
      if (instance != null) {
        c.intervention(CallTarget.ofExecution(context, instance), verb + " the call's process instance " + instance);
      } else {
        c.refuseOnProductDefinition(CallTarget.definitionKey(context, read(command, "processDefinitionId"),
            read(command, "processDefinitionKey")), verb + " every call of a definition");
      }
    } else if (command instanceof AbstractSetProcessDefinitionStateCmd) {
      c.refuseOnProductDefinition(CallTarget.definitionKey(context, read(command, "processDefinitionId"),
          read(command, "processDefinitionKey")), "changing the state of a definition of the product");
    } else if (command instanceof AbstractSetJobDefinitionStateCmd) {
      String jobDefinition = read(command, "jobDefinitionId");
      c.refuseOnProductDefinition(jobDefinition != null ? CallTarget.jobDefinitionKey(context, jobDefinition)
          : CallTarget.definitionKey(context, read(command, "processDefinitionId"), read(command, "processDefinitionKey")),
          "changing the state of the jobs of a definition of the product");
    } else if (command instanceof AbstractSetJobStateCmd) {
      jobState(command, c);
    } else if (command instanceof SetJobDuedateCmd || command instanceof RecalculateJobDuedateCmd
        || command instanceof DeleteJobCmd) {
      c.refuseOnCall(CallTarget.ofJob(context, read(command, "jobId")), TrustRule.T1,
          new Phrase("the due date of a call's timer (its SLA) is the product's: it is not moved, recalculated or deleted",
              "de vervaldatum van de timer van een melding (haar SLA) is van het product: die wordt niet verzet, "
                  + "herberekend of verwijderd"));
    } else if (command instanceof SetJobRetriesCmd) {
      jobRetries(command, c);
    } else if (command instanceof DeleteDeploymentCmd) {
      String deployment = read(command, "deploymentId");
      c.refuseOnProductDefinition(CallTarget.productKeyOfDeployment(context, deployment),
          "deleting deployment " + deployment + ", which holds the product's models (and with them calls and their history)");
    } else if (command instanceof DeleteProcessDefinitionsByIdsCmd) {
      Collection<String> ids = read(command, "processDefinitionIds");
      for (String id : ids == null ? List.<String>of() : ids) {
        c.refuseOnProductDefinition(CallTarget.definitionKey(context, id, null), "deleting a definition of the product");
      }
    } else if (command instanceof DeleteProcessDefinitionsByKeyCmd) {
      c.refuseOnProductDefinition(read(command, "processDefinitionKey"), "deleting a definition of the product");
    } else if (command instanceof UpdateProcessDefinitionHistoryTimeToLiveCmd) {
      c.refuseOnProductDefinition(CallTarget.definitionKey(context, read(command, "processDefinitionId"), null),
          "changing how long the history of calls is kept");
    } else if (command instanceof UpdateDecisionDefinitionHistoryTimeToLiveCmd) {
      c.refuseOnProductDefinition(CallTarget.decisionKey(context, read(command, "decisionDefinitionId")),
          "changing how long the decisions of calls are kept");
    } else if (command instanceof SaveFilterCmd) {
      Filter filter = read(command, "filter");
      if (filter != null && filter.getQuery() instanceof AbstractQuery<?, ?> query) {
        FilterExpressions.firstForbidden(query.getExpressions().values()).ifPresent(expression -> {
          throw c.refuse(TrustRule.T3, null, "query", "the query of filter '" + filter.getName() + "' uses expression "
              + expression + ": expressions in filters run on the server and are limited to " + FilterExpressions.ALLOWED);
        });
      }
    } else if (command instanceof ExecuteJobsCmd) {
      CallTarget job = CallTarget.ofJob(context, read(command, "jobId"));
      if (job != null && job.isCall() && job.timerDueBefore()) {
        throw c.refuse(TrustRule.T1.refuse(null, new Phrase("a call's timer (its SLA) fires when it is due, not before",
            "de timer van een melding (haar SLA) gaat af als die verloopt, niet eerder")), job);
      }
      c.intervention(job, "executed a job of the call");
    }
  }

  /**
   * Commands by which a user works a task in Tasklist (complete, claim, assign, delegate, set a date...),
   * each naming its task by the field {@code taskId}.
   */
  private static boolean isWorkOnATask(Command<?> command) {
    return command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
        || command instanceof ClaimTaskCmd || command instanceof DelegateTaskCmd
        || command instanceof AbstractSetTaskPropertyCmd<?>;
  }

  private void variableWrite(Command<?> command, UserCommand c) {
    boolean patch = command instanceof AbstractPatchVariablesCmd;
    String entityId = read(command, "entityId");
    Set<String> written = new LinkedHashSet<>();
    if (patch || command instanceof AbstractSetVariableCmd) {
      written.addAll(names((Object) read(command, "variables")));
    }
    if (command instanceof AbstractRemoveVariableCmd || patch) {
      Collection<String> removed = read(command, patch ? "deletions" : "variableNames");
      written.addAll(removed == null ? List.of() : removed);
    }
    boolean onTask = command instanceof SetTaskVariablesCmd || command instanceof RemoveTaskVariablesCmd
        || command instanceof PatchTaskVariablesCmd;
    CallTarget target = onTask ? CallTarget.ofTask(c.context, entityId) : CallTarget.ofExecution(c.context, entityId);
    if (target == null || !target.isCall()) {
      return;
    }
    c.noProtected(target, new Phrase("writing variables of the call", "het schrijven van variabelen van de melding"),
        written);
    if (!c.isAdmin()) {
      String first = written.stream().findFirst().orElse(null);
      throw c.refuse(TrustRule.T5.refuse(first, new Phrase("'%s' is a variable of call %s: the variables of a call are "
          + "written by completing its steps with their forms; changing them otherwise is an administrator's "
          + "intervention", "'%s' is een variabele van melding %s: de variabelen van een melding worden geschreven door "
          + "haar stappen met hun formulieren af te ronden; ze anders wijzigen is een ingreep van een beheerder"),
          first, target.trackingNumber()), target);
    }
    c.intervention(target, "changed variables " + String.join(", ", written) + " of the call"
        + (onTask ? " on task " + target.step() : ""));
  }

  private void modification(ProcessInstanceModificationBuilderImpl modification, UserCommand c) {
    CallTarget target = CallTarget.ofExecution(c.context, modification.getProcessInstanceId());
    Set<String> variables = new LinkedHashSet<>(names(modification.getProcessVariables()));
    List<String> operations = new ArrayList<>();
    for (AbstractProcessInstanceModificationCommand operation : modification.getModificationOperations()) {
      if (operation instanceof AbstractInstantiationCmd instantiation) {
        variables.addAll(names(instantiation.getVariables(), instantiation.getVariablesLocal()));
      }
      operations.add(CommandFields.describe(operation));
    }
    c.noProtected(target, new Phrase("modifying the call", "het aanpassen van de melding"), variables);
    c.exception(target, "modified the call's process instance " + modification.getProcessInstanceId() + ": "
        + String.join("; ", operations) + (modification.getModificationReason() == null ? ""
            : " (" + modification.getModificationReason() + ")"));
  }

  private void migration(MigrationPlanExecutionBuilderImpl migration, UserCommand c) {
    MigrationPlan plan = migration.getMigrationPlan();
    boolean product = CallTarget.isProductKey(CallTarget.definitionKey(c.context, plan.getSourceProcessDefinitionId(), null))
        || CallTarget.isProductKey(CallTarget.definitionKey(c.context, plan.getTargetProcessDefinitionId(), null));
    if (!product) {
      return;
    }
    if (migration.getProcessInstanceQuery() != null) {
      throw c.refuse(TrustRule.T5, null, null, "migrating calls by a query is not open to users: name the process "
          + "instances, so that each call's trail records its migration");
    }
    for (String id : migration.getProcessInstanceIds() == null ? List.<String>of() : migration.getProcessInstanceIds()) {
      CallTarget target = CallTarget.ofExecution(c.context, id);
      c.noProtected(target, new Phrase("migrating the call", "het migreren van de melding"), names(plan.getVariables()));
      c.exception(target, "migrated the call's process instance " + id + " from " + plan.getSourceProcessDefinitionId()
          + " to " + plan.getTargetProcessDefinitionId());
    }
  }

  private void jobState(Command<?> command, UserCommand c) {
    String job = read(command, "jobId");
    if (job != null) {
      c.refuseOnCall(CallTarget.ofJob(c.context, job), TrustRule.T1,
          new Phrase("a call's timer (its SLA) is the product's: it is not suspended or activated",
              "de timer van een melding (haar SLA) is van het product: die wordt niet opgeschort of geactiveerd"));
      return;
    }
    String jobDefinition = read(command, "jobDefinitionId");
    String instance = read(command, "processInstanceId");
    String key = jobDefinition != null ? CallTarget.jobDefinitionKey(c.context, jobDefinition)
        : instance != null ? keyOf(CallTarget.ofExecution(c.context, instance))
        : CallTarget.definitionKey(c.context, read(command, "processDefinitionId"), read(command, "processDefinitionKey"));
    c.refuseOnProductDefinition(key, "suspending or activating the timers of calls");
  }

  private void jobRetries(Command<?> command, UserCommand c) {
    String jobDefinition = read(command, "jobDefinitionId");
    if (jobDefinition != null) {
      c.refuseOnProductDefinition(CallTarget.jobDefinitionKey(c.context, jobDefinition),
          "setting the retries of every job of a definition");
      return;
    }
    List<String> jobs = new ArrayList<>();
    String job = read(command, "jobId");
    if (job != null) {
      jobs.add(job);
    }
    List<String> more = read(command, "jobIds");
    if (more != null) {
      jobs.addAll(more);
    }
    for (String id : jobs) {
      c.intervention(CallTarget.ofJob(c.context, id), "set the retries of job " + id + " of the call");
    }
  }

  private static String keyOf(CallTarget target) {
    return target == null ? null : target.processKey();
  }

  /** The variable names of the maps a command carries; a map may be absent (null). */
  private static Set<String> names(Object... maps) {
    Set<String> names = new LinkedHashSet<>();
    for (Object map : maps) {
      if (map instanceof Map<?, ?> variables) {
        variables.keySet().forEach(name -> names.add(String.valueOf(name)));
      }
    }
    return names;
  }

  /** One user's command under inspection: who, and the interventions to record once it succeeds. */
  private final class UserCommand {

    final CommandContext context;
    final String user;
    final List<AuditEvent> interventions = new ArrayList<>();
    /** The interventions that decide an exception for the call (cancel, modify, migrate): findings for Improve. */
    final List<AuditEvent> exceptions = new ArrayList<>();

    UserCommand(CommandContext context, String user) {
      this.context = context;
      this.user = user;
    }

    boolean isAdmin() {
      return context.getAuthorizationManager().isCamundaAdmin(context.getAuthentication());
    }

    RuntimeException refuse(TrustRule rule, CallTarget target, String field, String message) {
      return refuse(rule.refuse(field, message), target);
    }

    /** Refuses in the language of the target's call: its people read it (English where there is no call). */
    RuntimeException refuse(TrustRule.Refusal refusal, CallTarget target) {
      ExecutionEntity instance = target == null || target.processInstanceId() == null ? null
          : context.getExecutionManager().findExecutionById(target.processInstanceId());
      Language language = instance == null ? Language.DEFAULT : languages.getObject().languageOf(instance);
      return enforcement.refuse(target == null ? null : target.trackingNumber(),
          target == null ? null : target.processKey(), target == null ? null : target.step(), user,
          refusal.rule().id(), refusal.field(), language, refusal.message(language));
    }

    void refuseOnCall(CallTarget target, TrustRule rule, Phrase message) {
      if (target != null && target.isCall()) {
        throw refuse(rule.refuse(null, message), target);
      }
    }

    void refuseOnProductDefinition(String definitionKey, String what) {
      if (CallTarget.isProductKey(definitionKey)) {
        throw refuse(TrustRule.T5, null, null, what + " (" + definitionKey + ") is not open to users: interventions "
            + "on calls are made one call at a time, so that each is on the call's record");
      }
    }

    /** T1 for any command, whatever its target: the product's variable names are the product's. */
    /** @param what a {@link Phrase} or {@link Words}: what the command does, as the refusal names it */
    void noProtected(CallTarget target, Object what, Collection<String> names) {
      ProtectedVariables.firstProtected(names).ifPresent(name -> {
        throw refuse(TrustRule.T1.refuse(name, PROTECTED, name, ProtectedVariables.why(name), what), target);
      });
    }

    void completion(CallTarget task, Collection<String> submitted) {
      if (task == null || !task.isCall()) {
        return;
      }
      Set<String> fields = task.formId() == null ? Set.of() : forms.of(task.formId()).orElse(Set.of());
      CompletionPayload.check(task.step(), task.formId(), fields, submitted).ifPresent(refusal -> {
        throw refuse(refusal, task);
      });
    }

    void start(String definitionKey) {
      if (CallTarget.isProductKey(definitionKey)) {
        throw refuse(TrustRule.T4, null, null, "process " + definitionKey + " is started only by intake: register "
            + "the call at POST /api/calls, which numbers it, records it and starts its workflow");
      }
    }

    void intervention(CallTarget target, String what) {
      if (target != null && target.isCall()) {
        interventions.add(new AuditEvent(UsmClock.now(), target.trackingNumber(), target.processKey(),
            target.processInstanceId(), target.step(), user, AuditEvent.Kind.INTERVENTION, TrustRule.T5.id(), what));
      }
    }

    void exception(CallTarget target, String what) {
      int before = interventions.size();
      intervention(target, what);
      if (interventions.size() > before) {
        exceptions.add(interventions.get(interventions.size() - 1));
      }
    }
  }
}
