package org.usm.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.usm.design.DesignRefusal;
import org.usm.intake.CallRejectedException;

/**
 * The product API's answers as the webapps' plugin resources (Cockpit's and Tasklist's, behind their session
 * login) give them: the same controllers, the same refusals, the same JSON, as JAX-RS responses.
 */
public final class PluginAnswers {

  private PluginAnswers() {}

  /** The controller's answer: status, headers, and the body as the product API writes it. */
  public static Response answer(ApplicationContext spring, Supplier<ResponseEntity<?>> controller) {
    ResponseEntity<?> answer;
    try {
      answer = controller.get();
    } catch (CallRejectedException e) {
      answer = spring.getBean(ApiExceptionHandler.class).rejected(e);
    } catch (DesignRefusal e) {
      answer = spring.getBean(ApiExceptionHandler.class).refused(e);
    }
    Object body = answer.getBody();
    Response.ResponseBuilder response = Response.status(answer.getStatusCode().value());
    answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.header(name, value)));
    if (body instanceof String text) {
      return response.entity(text).build();
    }
    return response.type(MediaType.APPLICATION_JSON_TYPE).entity(json(spring, body)).build();
  }

  /** The first value of every query parameter, as the product API's controllers read them. */
  public static Map<String, String> parameters(UriInfo uri) {
    Map<String, String> first = new LinkedHashMap<>();
    uri.getQueryParameters().forEach((name, values) -> first.put(name, values.isEmpty() ? "" : values.get(0)));
    return first;
  }

  private static String json(ApplicationContext spring, Object body) {
    try {
      return spring.getBean(ObjectMapper.class).writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("answer not writable as JSON", e);
    }
  }
}
