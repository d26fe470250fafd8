package org.usm.servicedesk;

import java.util.Set;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * The product's Tasklist plugin {@value #ID}: the service desk page (register a call, My calls), built from
 * {@code tasklist/} into {@value #ASSETS}{@code /app/plugin.js}, and the endpoints it reads. Its assets have a
 * directory of their own: the Cockpit plugin of the same id serves {@code plugin-webapp/usm}. Registered in
 * {@code META-INF/services}.
 */
public class UsmTasklistPlugin extends AbstractTasklistPlugin {

  public static final String ID = "usm";
  public static final String ASSETS = "plugin-webapp/usm-tasklist";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public String getAssetDirectory() {
    return ASSETS;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(ServiceDeskRootResource.class);
  }
}
