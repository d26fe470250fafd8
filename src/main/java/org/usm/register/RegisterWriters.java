package org.usm.register;

import java.util.Optional;
import org.usm.model.Step;

/**
 * Who may write which register (rules H1 and H11: each activity exists once in the model). Plain Java;
 * the registers call it with the process and step that is writing.
 */
public final class RegisterWriters {

  private RegisterWriters() {}

  /** The registers and their one writer. */
  public enum Register {
    AGREEMENTS("agreements register", Step.A5_Negotiate, "H11"),
    MANAGED_INFRASTRUCTURE("managed infrastructure register", Step.C8_UpdateMir, "H1");

    private final String title;
    private final Step writer;
    private final String ruleId;

    Register(String title, Step writer, String ruleId) {
      this.title = title;
      this.writer = writer;
      this.ruleId = ruleId;
    }

    public Step writer() {
      return writer;
    }

    public String ruleId() {
      return ruleId;
    }
  }

  /**
   * @param processKey the process that tries to write, null outside any process
   * @param stepId the step that tries to write, null outside any step
   * @return the refusal message, empty when the writer is the register's owner
   */
  public static Optional<String> check(Register register, String processKey, String stepId) {
    Step writer = register.writer;
    if (writer.process().key().equals(processKey) && writer.id().equals(stepId)) {
      return Optional.empty();
    }
    return Optional.of("the " + register.title + " is written only at " + writer.id() + " of "
        + writer.process().key() + ", not " + (processKey == null ? "outside a process"
        : "at " + stepId + " of " + processKey));
  }
}
