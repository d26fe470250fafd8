package org.usm.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * {@code /camunda/api/cockpit/plugin/usm}: the plugin's assets ({@code static/app/plugin.js}, served by
 * the base class) and, per engine, the product API for the user logged in to Cockpit.
 */
@Path("plugin/" + UsmCockpitPlugin.ID)
public class UsmCockpitRootResource extends AbstractCockpitPluginRootResource {

  public UsmCockpitRootResource() {
    super(UsmCockpitPlugin.ID);
  }

  @Path("{engineName}")
  public CockpitApiResource api(@PathParam("engineName") String engineName) {
    return new CockpitApiResource(engineName,
        WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext));
  }
}
