package org.usm.definition;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Makes a broken service definition the one clear reason printed when start-up stops. */
public class InvalidServiceDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<InvalidServiceDefinitionException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidServiceDefinitionException cause) {
    String description = "Service definition " + cause.source() + " is invalid; nothing of it was deployed:\n"
        + cause.violations().stream().map(v -> "  - " + v).collect(Collectors.joining("\n"));
    return new FailureAnalysis(description,
        "Correct the fields named above in " + cause.source() + " and start again.", cause);
  }
}
