package org.usm.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.usm.language.Language;
import org.usm.model.Step;

/** The customer's verdict (DESIGN §14): who gives it, what it says, and when; every refusal names its field. */
class CustomerVerdictTest {

  private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
  private static final CustomerVerdict.Delivery REVIEW_OPEN = new CustomerVerdict.Delivery("task-1",
      Step.R6_ReviewDelivery, "pi-1", "usm-recover", true);

  private static CallRecord call(CallStatus status, CallRecord.Confirmation confirmation) {
    return new CallRecord("INC-2026-000042", "verhuizing", "incident", "WF4", status, "Container niet geleegd",
        "inwoner-4711", "requester", NOW, NOW, "pi-0", null, "WF4", null, null, List.of(), List.of(), null, null,
        null, null, null, null, confirmation);
  }

  private static CallRecord open() {
    return call(CallStatus.IN_PROGRESS, null);
  }

  private static CallRecord.Confirmation decide(String user, CallRecord call, CustomerVerdict.Delivery delivery,
      Boolean accepted, String comment) {
    return CustomerVerdict.decide(user, call, delivery, new CustomerVerdict.Request(accepted, comment), NOW,
        Language.EN);
  }

  private static void refused(Runnable attempt, CallRejectedException.Reason reason, String field, String message) {
    assertThatThrownBy(attempt::run).isInstanceOfSatisfying(CallRejectedException.class, e -> {
      assertThat(e.reason()).isEqualTo(reason);
      assertThat(e.field()).isEqualTo(field);
    }).hasMessageContaining(message);
  }

  @Test
  void theRequesterAcceptsOrRejectsTheOpenReviewsDeliveryWithAComment() {
    assertThat(decide("inwoner-4711", open(), REVIEW_OPEN, true, null))
        .isEqualTo(new CallRecord.Confirmation(true, null, NOW, "inwoner-4711", "task-1"));
    assertThat(decide("inwoner-4711", open(), REVIEW_OPEN, false, "  De container is nog vol  "))
        .isEqualTo(new CallRecord.Confirmation(false, "De container is nog vol", NOW, "inwoner-4711", "task-1"));
    assertThat(decide("inwoner-4711", open(), REVIEW_OPEN, true, " ").comment()).as("a blank comment is none").isNull();
  }

  @Test
  void onlyTheCallsRequesterGivesItNotWhoeverRegisteredIt() {
    refused(() -> decide("requester", open(), REVIEW_OPEN, true, null), CallRejectedException.Reason.FORBIDDEN, null,
        "only the call's requester (inwoner-4711) gives the customer's verdict on INC-2026-000042");
    refused(() -> decide("coordinator", open(), REVIEW_OPEN, true, null), CallRejectedException.Reason.FORBIDDEN,
        null, "only the call's requester");
  }

  @Test
  void theRequestNamesItsVerdictAndARejectionSaysWhy() {
    refused(() -> decide("inwoner-4711", open(), REVIEW_OPEN, null, "prima"), CallRejectedException.Reason.INVALID,
        "accepted", "accepted is required");
    refused(() -> CustomerVerdict.decide("inwoner-4711", open(), REVIEW_OPEN, null, NOW, Language.EN),
        CallRejectedException.Reason.INVALID, "accepted", "accepted is required");
    refused(() -> decide("inwoner-4711", open(), REVIEW_OPEN, false, null), CallRejectedException.Reason.INVALID,
        "comment", "comment is required when the delivery is not accepted");
    refused(() -> decide("inwoner-4711", open(), REVIEW_OPEN, false, "   "), CallRejectedException.Reason.INVALID,
        "comment", "comment is required when the delivery is not accepted");
    refused(() -> decide("inwoner-4711", open(), REVIEW_OPEN, true, "x".repeat(CustomerVerdict.MAX_COMMENT + 1)),
        CallRejectedException.Reason.INVALID, "comment", "comment is at most 1000 characters (got 1001)");
    assertThat(decide("inwoner-4711", open(), REVIEW_OPEN, false, "x".repeat(CustomerVerdict.MAX_COMMENT)).comment())
        .hasSize(CustomerVerdict.MAX_COMMENT);
  }

  @Test
  void theVerdictWaitsForTheDeliveryAndEndsWithTheCall() {
    refused(() -> decide("inwoner-4711", open(), null, true, null), CallRejectedException.Reason.CONFLICT,
        "trackingNumber", "the work on INC-2026-000042 is not delivered: the customer's verdict is given once its "
            + "review (R6 Review delivery & feedback) is open");
    for (CallStatus ended : List.of(CallStatus.CLOSED, CallStatus.WITHDRAWN, CallStatus.CANCELLED,
        CallStatus.RECLASSIFIED)) {
      refused(() -> decide("inwoner-4711", call(ended, null), REVIEW_OPEN, true, null),
          CallRejectedException.Reason.CONFLICT, "trackingNumber", "INC-2026-000042 is " + ended.label()
              + ": a verdict is given while the call is open");
    }
    CustomerVerdict.Delivery accepted = new CustomerVerdict.Delivery("task-1", Step.R6_ReviewDelivery, "pi-1",
        "usm-recover", false);
    assertThat(decide("inwoner-4711", call(CallStatus.FULFILLED, null), accepted, true, null).reviewTaskId())
        .as("after the review accepted the delivery, until the call closes").isEqualTo("task-1");
  }

  @Test
  void oneVerdictPerDeliveryAndTheNextDeliveryAsksAgain() {
    CallRecord.Confirmation rejected = new CallRecord.Confirmation(false, "De container is nog vol", NOW,
        "inwoner-4711", "task-1");
    refused(() -> decide("inwoner-4711", call(CallStatus.IN_PROGRESS, rejected), REVIEW_OPEN, true, null),
        CallRejectedException.Reason.CONFLICT, "trackingNumber", "the verdict on this delivery of INC-2026-000042 "
            + "was given at 2026-12-05T10:00:00Z by inwoner-4711 (NOT ACCEPTED by the customer: De container is nog "
            + "vol): one verdict per delivery");
    CustomerVerdict.Delivery redone = new CustomerVerdict.Delivery("task-2", Step.R6_ReviewDelivery, "pi-1",
        "usm-recover", true);
    assertThat(decide("inwoner-4711", call(CallStatus.IN_PROGRESS, rejected), redone, true, "Nu wel").accepted())
        .isTrue();
  }

  @Test
  void aResidentOfADutchServiceReadsTheRefusalInDutch() {
    refused(() -> CustomerVerdict.decide("inwoner-4711", open(), REVIEW_OPEN, new CustomerVerdict.Request(false, null),
        NOW, Language.NL), CallRejectedException.Reason.INVALID, "comment", "comment is verplicht als u niet akkoord "
            + "bent: vertel wat er ontbreekt");
    refused(() -> CustomerVerdict.decide("inwoner-4711", open(), null, new CustomerVerdict.Request(true, null), NOW,
        Language.NL), CallRejectedException.Reason.CONFLICT, "trackingNumber", "het werk aan INC-2026-000042 is nog "
            + "niet opgeleverd: u geeft uw oordeel zodra de beoordeling (R6 Review delivery & feedback) openstaat");
  }

  @Test
  void theVerdictInWordsAsTheReviewingCoordinatorReadsIt() {
    assertThat(CustomerVerdict.inWords(new CallRecord.Confirmation(false, "De container is nog vol", NOW, "x", "t"),
        Language.EN)).isEqualTo("NOT ACCEPTED by the customer: De container is nog vol");
    assertThat(CustomerVerdict.inWords(new CallRecord.Confirmation(true, null, NOW, "x", "t"), Language.EN))
        .isEqualTo("ACCEPTED by the customer");
    assertThat(CustomerVerdict.inWords(new CallRecord.Confirmation(true, "Dank", NOW, "x", "t"), Language.NL))
        .isEqualTo("AKKOORD volgens de aanvrager: Dank");
    assertThat(CustomerVerdict.reviewOf(org.usm.model.WorkflowPattern.WF2)).isEqualTo(Step.C7_ReviewDelivery);
    assertThat(CustomerVerdict.reviewOf(org.usm.model.WorkflowPattern.WF8)).isEqualTo(Step.I6_ReviewDelivery);
  }
}
