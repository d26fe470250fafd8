package org.usm.cockpit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.usm.api.ApiError;
import org.usm.api.AuditController;
import org.usm.api.ChainController;
import org.usm.intake.CallController;
import org.usm.intake.CallRejectedException;

/**
 * The product's read API (DESIGN §8) behind Cockpit's session login: the same answers as {@code /api/...}
 * over HTTP Basic, given by the same controllers, for the user Cockpit authenticated (the webapp sets
 * that user and their groups on the engine, so the product's read rules apply unchanged). Read only:
 * there is nothing here that changes anything.
 */
public class CockpitApiResource extends AbstractCockpitPluginResource {

  private final ApplicationContext spring;

  CockpitApiResource(String engineName, ApplicationContext spring) {
    super(engineName);
    this.spring = spring;
  }

  @GET
  @Path("calls")
  public Response calls(@Context UriInfo uri) {
    return answer(() -> ResponseEntity.ok(spring.getBean(CallController.class).list(parameters(uri))));
  }

  @GET
  @Path("calls/{trackingNumber}")
  public Response call(@PathParam("trackingNumber") String trackingNumber) {
    return answer(() -> ResponseEntity.ok(spring.getBean(CallController.class).find(trackingNumber)));
  }

  @GET
  @Path("calls/{trackingNumber}/audit")
  public Response trail(@PathParam("trackingNumber") String trackingNumber,
      @QueryParam("format") @DefaultValue("json") String format) {
    return answer(() -> spring.getBean(AuditController.class).trail(trackingNumber, format));
  }

  @GET
  @Path("calls/{trackingNumber}/instances")
  public Response instances(@PathParam("trackingNumber") String trackingNumber) {
    return answer(() -> ResponseEntity.ok(spring.getBean(AuditController.class).instances(trackingNumber)));
  }

  @GET
  @Path("kpis")
  public Response kpis(@Context UriInfo uri) {
    return answer(() -> ResponseEntity.ok(spring.getBean(ChainController.class).kpis(parameters(uri))));
  }

  /** The controller's answer as JAX-RS gives it: status, headers, and the body as the product API writes it. */
  private Response answer(Supplier<ResponseEntity<?>> controller) {
    getProcessEngine(); // an engine this webapp does not know is refused here, as Cockpit's own endpoints do
    ResponseEntity<?> answer;
    try {
      answer = controller.get();
    } catch (CallRejectedException e) {
      answer = ResponseEntity.status(e.reason().httpStatus()).body(new ApiError(e.getMessage(), e.field()));
    }
    Object body = answer.getBody();
    Response.ResponseBuilder response = Response.status(answer.getStatusCode().value());
    answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.header(name, value)));
    if (body instanceof String text) {
      return response.entity(text).build();
    }
    return response.type(MediaType.APPLICATION_JSON_TYPE).entity(json(body)).build();
  }

  private String json(Object body) {
    try {
      return spring.getBean(ObjectMapper.class).writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("answer not writable as JSON", e);
    }
  }

  private static Map<String, String> parameters(UriInfo uri) {
    Map<String, String> first = new LinkedHashMap<>();
    uri.getQueryParameters().forEach((name, values) -> first.put(name, values.isEmpty() ? "" : values.get(0)));
    return first;
  }
}
