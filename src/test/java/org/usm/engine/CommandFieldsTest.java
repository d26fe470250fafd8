package org.usm.engine;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** Every field of an engine command the guard reads exists in the engine on the class path. */
class CommandFieldsTest {

  @Test
  void everyFieldTheGuardReadsExists() {
    for (CommandFields.Read read : CommandFields.READ) {
      assertThatCode(() -> CommandFields.find(Class.forName(read.commandClass()), read.field()))
          .as("%s#%s", read.commandClass(), read.field()).doesNotThrowAnyException();
    }
  }

  @Test
  void everyCommandTheGuardRefusesOutrightExists() {
    for (String name : UserCommandGuard.REFUSED_COMMANDS) {
      assertThatCode(() -> Class.forName(packageOf(name) + name)).as(name).doesNotThrowAnyException();
    }
  }

  private static String packageOf(String command) {
    for (String candidate : new String[] {"org.camunda.bpm.engine.impl.cmd.", "org.camunda.bpm.engine.impl.cmd.batch.",
        "org.camunda.bpm.engine.impl.batch.", "org.camunda.bpm.engine.impl.migration.batch.",
        "org.camunda.bpm.engine.impl.cmd.batch.variables.", "org.camunda.bpm.engine.impl.dmn.cmd.",
        "org.camunda.bpm.engine.impl.batch.deletion.", "org.camunda.bpm.engine.impl.cmd.batch.removaltime.",
        "org.camunda.bpm.engine.impl.batch.removaltime.", "org.camunda.bpm.engine.impl."}) {
      try {
        Class.forName(candidate + command);
        return candidate;
      } catch (ClassNotFoundException e) {
        // elsewhere
      }
    }
    return "not-found.";
  }
}
