package org.usm.engine;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;

/**
 * A rule's refusal is an answer to the user, not a failure of the engine: the engine logs it at debug level
 * instead of as an ERROR with a stack trace ({@link RuleEnforcement} writes the one line an operator reads).
 */
final class RefusalsAreAnswers extends CommandContextFactory {

  RefusalsAreAnswers(ProcessEngineConfigurationImpl configuration) {
    // The engine wires only a factory it made itself.
    setProcessEngineConfiguration(configuration);
  }

  @Override
  public CommandContext createCommandContext() {
    return new CommandContext(processEngineConfiguration) {
      @Override
      protected boolean shouldLogFine(Throwable exception) {
        return isRefusal(exception) || super.shouldLogFine(exception);
      }
    };
  }

  static boolean isRefusal(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof RuleViolation) {
        return true;
      }
    }
    return false;
  }
}
