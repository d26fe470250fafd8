package org.usm.cockpit;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.usm.api.AuditController;
import org.usm.api.ChainController;
import org.usm.api.PluginAnswers;
import org.usm.definition.ServiceCatalog;
import org.usm.design.ServiceController;
import org.usm.engine.Actor;
import org.usm.intake.CallController;
import org.usm.intake.CallQueryService;
import org.usm.link.LinkController;

/**
 * The product's API behind Cockpit's session login: the auditor's reads (DESIGN §8), the designer's
 * services (§9) and the administrator's retry of a call's link deliveries (§11), the same answers as
 * {@code /api/...} over HTTP Basic, given by the same controllers, for the user Cockpit authenticated (the
 * webapp sets that user and their groups on the engine, so the product's rules apply unchanged: only
 * designers and administrators change services, only administrators send deliveries again). Camunda's CSRF
 * filter guards every request that is not a read.
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
    return answer(() -> {
      requireCallReader();
      return ResponseEntity.ok(spring.getBean(CallController.class).list(parameters(uri)));
    });
  }

  @GET
  @Path("calls/{trackingNumber}")
  public Response call(@PathParam("trackingNumber") String trackingNumber) {
    return answer(() -> ResponseEntity.ok(spring.getBean(CallController.class).find(trackingNumber)));
  }

  /** The call of a process instance: where Tasklist's link to an instance leads a user who may read the call. */
  @GET
  @Path("process-instances/{processInstanceId}/call")
  public Response callOfInstance(@PathParam("processInstanceId") String processInstanceId) {
    return answer(() -> ResponseEntity.ok(spring.getBean(CallQueryService.class).findByProcessInstance(processInstanceId)));
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

  /**
   * An administrator sends the call's stuck deliveries and reports again at once: the product API's answer,
   * given by {@link LinkController#retry}, which decides who may (CSRF-guarded, as every write here).
   */
  @POST
  @Path("calls/{trackingNumber}/link-deliveries/retry")
  public Response retryLinkDeliveries(@PathParam("trackingNumber") String trackingNumber) {
    return answer(() -> ResponseEntity.ok(spring.getBean(LinkController.class).retry(trackingNumber)));
  }

  /** Who the session's user is and which of the plugin's actions to offer them (the rules themselves decide). */
  @GET
  @Path("me")
  public Response me() {
    return answer(() -> {
      Actor user = Actor.current(getProcessEngine().getIdentityService()).orElseThrow();
      return ResponseEntity.ok(Map.of("userId", user.userId(),
          "sendsLinkDeliveriesAgain", LinkController.sendsDeliveriesAgain(user)));
    });
  }

  @GET
  @Path("kpis")
  public Response kpis(@Context UriInfo uri) {
    return answer(() -> {
      requireCallReader();
      return spring.getBean(ChainController.class).kpis(parameters(uri));
    });
  }

  @GET
  @Path("services")
  public Response serviceList() {
    return answer(() -> ResponseEntity.ok(services().list()));
  }

  @GET
  @Path("services/{id}")
  public Response service(@PathParam("id") String id) {
    return answer(() -> ResponseEntity.ok(services().details(id)));
  }

  @GET
  @Path("services/{id}/definition")
  public Response definition(@PathParam("id") String id) {
    return answer(() -> services().yaml(id));
  }

  @GET
  @Path("services/{id}/workflows/{n}")
  public Response workflow(@PathParam("id") String id, @PathParam("n") String n) {
    return answer(() -> services().workflow(id, n));
  }

  @POST
  @Path("services")
  @Consumes(MediaType.WILDCARD)
  public Response create(String definition, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
    return answer(() -> services().create(definition, dryRun));
  }

  @POST
  @Path("services/preview/{n}")
  @Consumes(MediaType.WILDCARD)
  public Response preview(@PathParam("n") String n, String definition) {
    return answer(() -> services().preview(n, definition));
  }

  @PUT
  @Path("services/{id}")
  @Consumes(MediaType.WILDCARD)
  public Response newVersion(@PathParam("id") String id, String definition,
      @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
      @QueryParam("migrateRunning") @DefaultValue("false") boolean migrateRunning,
      @QueryParam("expectedVersion") Integer expectedVersion) {
    return answer(() -> services().newVersion(id, definition, dryRun, migrateRunning, expectedVersion));
  }

  @DELETE
  @Path("services/{id}")
  public Response retire(@PathParam("id") String id) {
    return answer(() -> ResponseEntity.ok(services().retire(id)));
  }

  /** The Calls, Chain and Report pages answer 403 to a user who reads no service's calls (CallPages). */
  private void requireCallReader() {
    Actor user = Actor.current(getProcessEngine().getIdentityService()).orElseThrow();
    CallPages.requireReadable(user.userId(), user.groupIds(), spring.getBean(ServiceCatalog.class).all());
  }

  private ServiceController services() {
    return spring.getBean(ServiceController.class);
  }

  private Response answer(Supplier<ResponseEntity<?>> controller) {
    getProcessEngine(); // an engine this webapp does not know is refused here, as Cockpit's own endpoints do
    return PluginAnswers.answer(spring, controller);
  }

  private static Map<String, String> parameters(UriInfo uri) {
    return PluginAnswers.parameters(uri);
  }
}
