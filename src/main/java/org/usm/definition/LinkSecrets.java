package org.usm.definition;

import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The passwords of external links, read where the link's {@code passwordFrom} says: an environment
 * variable or a property of the installation. They are read when needed and never stored, logged or
 * shown: a service definition names the variable, not the password.
 */
@Component
public class LinkSecrets {

  private final Environment environment;

  public LinkSecrets(Environment environment) {
    this.environment = environment;
  }

  public boolean isSet(String name) {
    return password(name).isPresent();
  }

  public Optional<String> password(String name) {
    String value = name == null ? null : environment.getProperty(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
