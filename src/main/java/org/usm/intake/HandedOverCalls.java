package org.usm.intake;

import java.util.List;

/**
 * The calls a call's steps handed to links of its service, for {@code GET /api/calls/{trackingNumber}}
 * (DESIGN §11). Implemented where links are kept, so that intake does not depend on them.
 */
public interface HandedOverCalls {

  List<CallView.Link> of(String trackingNumber);

  /**
   * For a call another installation handed to this one: its status reports not yet through to that
   * installation; null when none is waiting.
   */
  CallView.Delivery reportsPending(String trackingNumber);
}
