package org.usm.servicedesk;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * {@code /camunda/api/tasklist/plugin/usm}: the plugin's assets ({@code static/app/plugin.js}, served by the base
 * class) and, per engine, the service desk's endpoints for the user logged in to Tasklist.
 */
@Path("plugin/" + UsmTasklistPlugin.ID)
public class ServiceDeskRootResource extends AbstractTasklistPluginRootResource {

  public ServiceDeskRootResource() {
    super(UsmTasklistPlugin.ID);
  }

  @Path("{engineName}")
  public ServiceDeskApiResource api(@PathParam("engineName") String engineName) {
    return new ServiceDeskApiResource(engineName,
        WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext));
  }
}
