package org.usm.servicedesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Supplier;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.usm.api.PluginAnswers;
import org.usm.intake.CallController;
import org.usm.intake.CallRejectedException;
import org.usm.intake.CallRequest;
import org.usm.intake.CustomerVerdict;

/**
 * The service desk page's endpoints behind Tasklist's session login: the same answers as the product API over
 * HTTP Basic ({@code /api/catalogue}, {@code /api/requesters}, {@code /api/calls}), given by the same classes for
 * the user Tasklist authenticated (Camunda's security filter lets only users logged in to the engine through and
 * sets them on the engine; its CSRF filter guards every request that is not a read). Registering goes through
 * intake's controller: there is no second intake path.
 */
public class ServiceDeskApiResource extends AbstractTasklistPluginResource {

  private final ApplicationContext spring;

  ServiceDeskApiResource(String engineName, ApplicationContext spring) {
    super(engineName);
    this.spring = spring;
  }

  @GET
  @Path("me")
  public Response me() {
    return answer(() -> ResponseEntity.ok(desk().me()));
  }

  @GET
  @Path("catalogue")
  public Response catalogue() {
    return answer(() -> ResponseEntity.ok(desk().catalogue()));
  }

  @GET
  @Path("requesters")
  public Response requesters(@QueryParam("search") String search) {
    return answer(() -> ResponseEntity.ok(desk().requesters(search)));
  }

  /** The calls the user may read; {@code party=me} for My calls. */
  @GET
  @Path("calls")
  public Response calls(@Context UriInfo uri) {
    return answer(() -> ResponseEntity.ok(calls().list(PluginAnswers.parameters(uri))));
  }

  @GET
  @Path("calls/{trackingNumber}")
  public Response call(@PathParam("trackingNumber") String trackingNumber) {
    return answer(() -> ResponseEntity.ok(calls().find(trackingNumber)));
  }

  @POST
  @Path("calls")
  @Consumes(MediaType.WILDCARD)
  public Response register(String body) {
    return answer(() -> calls().register(read(body, CallRequest.class)));
  }

  /** The customer's verdict from My calls: the call API's rules (only the requester, once delivered). */
  @POST
  @Path("calls/{trackingNumber}/confirmation")
  @Consumes(MediaType.WILDCARD)
  public Response confirm(@PathParam("trackingNumber") String trackingNumber, String body) {
    return answer(() -> ResponseEntity.ok(calls().confirm(trackingNumber, read(body, CustomerVerdict.Request.class))));
  }

  private <T> T read(String body, Class<T> type) {
    try {
      return body == null || body.isBlank() ? null : spring.getBean(ObjectMapper.class).readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new CallRejectedException(CallRejectedException.Reason.INVALID, "body",
          "the request body is not valid: expected a JSON object with the fields of the call API");
    }
  }

  private ServiceDesk desk() {
    return spring.getBean(ServiceDesk.class);
  }

  private CallController calls() {
    return spring.getBean(CallController.class);
  }

  private Response answer(Supplier<ResponseEntity<?>> controller) {
    getProcessEngine(); // an engine this webapp does not know is refused here, as Tasklist's own endpoints do
    return PluginAnswers.answer(spring, controller);
  }
}
