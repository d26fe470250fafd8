package org.usm.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.usm.design.DesignRefusal;
import org.usm.intake.CallRejectedException;

/** Turns the product's refusals into {@code {"error","field"}} answers with a fitting 4xx status. */
@RestControllerAdvice(basePackages = "org.usm")
public class ApiExceptionHandler {

  @ExceptionHandler(CallRejectedException.class)
  public ResponseEntity<ApiError> rejected(CallRejectedException e) {
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.reason().httpStatus());
    if (e.reason() == CallRejectedException.Reason.UNAVAILABLE) {
      answer.header(org.springframework.http.HttpHeaders.RETRY_AFTER, "5");
    }
    return answer.body(new ApiError(e.getMessage(), e.field()));
  }

  @ExceptionHandler(DesignRefusal.class)
  public ResponseEntity<ApiError> refused(DesignRefusal e) {
    return ResponseEntity.status(e.status()).body(new ApiError(e.getMessage(), e.field(), e.violations()));
  }

  /** Two requests changed the same call at once and this one lost: the client's news, not a server error. */
  @ExceptionHandler(org.camunda.bpm.engine.OptimisticLockingException.class)
  public ResponseEntity<ApiError> lostRace(org.camunda.bpm.engine.OptimisticLockingException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError("Someone else changed this call at the same "
        + "moment; nothing of this request was saved. Reload and try again.", null));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    String field = e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
        && !mapping.getPath().isEmpty() && mapping.getPath().get(0).getFieldName() != null
        ? mapping.getPath().get(0).getFieldName()
        : "body";
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .body(new ApiError("the request body is not a valid call: expected a JSON object with text fields", field));
  }
}
