package org.usm.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.usm.language.Language;

/**
 * The language of a call's service (DESIGN §14), for the refusals the people who work the call read; found
 * where the service bindings are known ({@code instantiation/ServiceBindings}).
 */
public interface CallLanguage {

  /** The language of the call the execution belongs to; {@link Language#DEFAULT} for one outside any call. */
  Language languageOf(DelegateExecution execution);
}
