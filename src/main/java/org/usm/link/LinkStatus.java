package org.usm.link;

import org.usm.language.Language;
import org.usm.language.Phrase;

import java.util.Arrays;
import java.util.Optional;
import org.usm.intake.CallStatus;

/**
 * Where a call handed to a link stands, as its consumer knows it (DESIGN §11): {@code requested} until the
 * provider registered it, then what the provider reports. Reports only move a linked call forward, so a
 * report repeated, late or out of order changes nothing.
 */
public enum LinkStatus {
  REQUESTED("requested", 0, "aangevraagd"),
  REGISTERED("registered", 1, "geregistreerd"),
  IN_PROGRESS("in progress", 2, "in behandeling"),
  FULFILLED("fulfilled", 3, "vervuld"),
  REFUSED("refused", 3, "geweigerd"),
  CLOSED("closed", 4, "afgesloten");

  private final String label;
  private final int rank;
  private final Phrase shown;

  /** @param dutch the status as the people who work a Dutch call read it on their form */
  LinkStatus(String label, int rank, String dutch) {
    this.label = label;
    this.rank = rank;
    this.shown = new Phrase(label, dutch);
  }

  /** The status as the APIs name it (the same in every language). */
  public String label() {
    return label;
  }

  /** The status as people read it, in the language of the call's service. */
  public String shown(Language language) {
    return shown.in(language);
  }

  public static Optional<LinkStatus> fromLabel(String label) {
    return Arrays.stream(values()).filter(status -> status.label.equals(label)).findFirst();
  }

  /** The provider has answered for good: the step that handed the work over may be completed (rule L1). */
  public boolean isFinished() {
    return rank >= FULFILLED.rank;
  }

  /** Whether a report of {@code next} moves the linked call on; a refusal is final. */
  public boolean canMoveTo(LinkStatus next) {
    return this != REFUSED && next.rank > rank;
  }

  /**
   * What the provider reports for its call's status: a call closed without having been fulfilled, or
   * cancelled, or reclassified as another type, delivers nothing and is refused.
   *
   * @param reported what the provider reported before
   */
  public static LinkStatus ofProviderCall(CallStatus status, LinkStatus reported) {
    return switch (status) {
      case REGISTERED -> REGISTERED;
      case IN_PROGRESS, RE_ROUTED -> IN_PROGRESS;
      case FULFILLED -> FULFILLED;
      case CLOSED -> reported == FULFILLED ? CLOSED : REFUSED;
      case CANCELLED, WITHDRAWN, RECLASSIFIED -> REFUSED;
    };
  }
}
