package org.usm.engine;

/**
 * What the product attaches to every model the engine parses, in terms of the model and without the
 * engine's internals: the engine plugin calls each listener for the process and for the elements the
 * product reacts to. A listener that throws refuses the deployment.
 */
public interface ModelListener {

  default void parsedProcess(ParsedProcess process) {}

  default void parsedUserTask(ParsedActivity userTask) {}

  default void parsedCallActivity(ParsedActivity callActivity) {}

  default void parsedBusinessRuleTask(ParsedActivity businessRuleTask) {}

  default void parsedEndEvent(ParsedActivity endEvent) {}
}
