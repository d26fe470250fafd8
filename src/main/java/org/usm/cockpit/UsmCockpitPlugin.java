package org.usm.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The product's Cockpit plugin {@value #ID}: the auditor's Calls and Chain pages (the frontend, built
 * from {@code cockpit/} into {@code plugin-webapp/usm/app/plugin.js}) and the endpoints they read.
 * Registered in {@code META-INF/services}.
 */
public class UsmCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "usm";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(UsmCockpitRootResource.class);
  }
}
