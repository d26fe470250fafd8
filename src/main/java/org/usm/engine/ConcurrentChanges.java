package org.usm.engine;

import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Two people working one call at the same moment (two coordinators completing the same step, a completion
 * while the call's SLA timer fires) make the engine refuse the later commit by its optimistic locking. The
 * engine rolls that command back entirely, so it is safe to run again: this interceptor, outside the
 * command's transaction, runs a command that lost such a race (or a database deadlock) again, up to
 * {@value #ATTEMPTS} times, and it then sees the call as the winner left it. A command that failed oddly
 * (it read the task before another command ended the call and the rest after, or found the task's rights
 * gone with the task) runs once more; refusals (a rule, bad input) are answers and never run again.
 *
 * <p>What still cannot be done is answered by the engine's REST APIs as a conflict (409) or, for a task
 * that is gone, 404, never as a server error; so is a claim of a task someone else claimed first.
 *
 * <p>Only commands that own their transaction are run again: a command nested in another, or joining a
 * transaction of the product's (intake), is retried, if at all, with what encloses it. The job executor
 * handles its own races (it gives the job back without using up a retry).
 */
public final class ConcurrentChanges extends CommandInterceptor {

  static final int ATTEMPTS = 5;

  /** How the engine's REST APIs answer a request that lost a race: its status and the reason. */
  public record LostRace(int status, String message) {}

  private static final ThreadLocal<LostRace> LOST_RACE_OF_THIS_REQUEST = new ThreadLocal<>();

  @Override
  public <T> T execute(Command<T> command) {
    if (!ownsItsTransaction()) {
      return next.execute(command);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return next.execute(command);
      } catch (TaskAlreadyClaimedException e) {
        LOST_RACE_OF_THIS_REQUEST.set(new LostRace(409, e.getMessage()
            + ": someone else claimed it first; nothing of this request was saved."));
        throw e;
      } catch (RuntimeException e) {
        if (isLostRace(e) && attempt < ATTEMPTS) {
          pause(attempt);
        } else if (isLostRace(e)) {
          LOST_RACE_OF_THIS_REQUEST.set(new LostRace(409, "Someone else changed this call at the same moment, "
              + ATTEMPTS + " times in a row; nothing of this request was saved. Reload and try again."));
          throw e;
        } else if (attempt > 1 || isAnswer(e)) {
          throw e;
        }
        // Otherwise the command failed oddly, as one does that read part of a call before another command
        // ended it and the rest after (the task still there, its process instance gone; the task's rights
        // gone with the task): run once more, it then sees the call as it is. A real fault fails again.
      }
    }
  }

  /**
   * A refusal that is the answer to the request (a rule, bad input, a missing thing, a model that does not
   * parse), also when the engine wrapped it: never run again, so that a refusal is on the call's trail once.
   */
  private static boolean isAnswer(RuntimeException failure) {
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof RuleViolation || e instanceof BadUserRequestException
          || e instanceof FormFieldValidationException || e instanceof ParseException) {
        return true;
      }
    }
    return false;
  }

  /**
   * The refusal of a command on a task that is not there (any more): completed or deleted, most often by
   * someone else a moment earlier. Answered 404 instead of the engine's 500.
   */
  static NotFoundException taskGone(String taskId) {
    String message = "Task " + taskId + " does not exist (any more): it was completed or deleted, perhaps by "
        + "someone else a moment ago; nothing of this request was saved. Reload the task list.";
    LOST_RACE_OF_THIS_REQUEST.set(new LostRace(404, message));
    return new NotFoundException(message);
  }

  /** The race this request lost, once, and forgets it; null when it lost none. */
  public static LostRace takeLostRaceOfThisRequest() {
    LostRace lost = LOST_RACE_OF_THIS_REQUEST.get();
    LOST_RACE_OF_THIS_REQUEST.remove();
    return lost;
  }

  private static boolean ownsItsTransaction() {
    return Context.getCommandContext() == null && Context.getJobExecutorContext() == null
        && !TransactionSynchronizationManager.isActualTransactionActive();
  }

  private static boolean isLostRace(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof OptimisticLockingException || e instanceof ProcessEngineException engine
          && (engine.getCode() == BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode()
              || engine.getCode() == BuiltinExceptionCode.DEADLOCK.getCode())) {
        return true;
      }
    }
    return false;
  }

  /** A short, growing and random pause, so that two losers do not meet again at once. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20) * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProcessEngineException("interrupted while waiting to run a command again", e);
    }
  }
}
