package org.usm.security;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code prod} profile without an administrator password from the environment, or
 * with a password of the demo. Runs before any bean exists, so no user is created with a weak password.
 */
public class ProductionSecretsCheck implements EnvironmentPostProcessor {

  static final String PROD_PROFILE = "prod";
  static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
  /** The demo administrator's, Camunda's demo's and every demo user's (each password is the user id). */
  private static final Set<String> DEMO_PASSWORDS = demoPasswords();

  private static Set<String> demoPasswords() {
    Set<String> passwords = new HashSet<>(Set.of("admin", "demo"));
    passwords.addAll(IdentitySetup.DEMO_USERS.keySet());
    return Set.copyOf(passwords);
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!Arrays.asList(environment.getActiveProfiles()).contains(PROD_PROFILE)) {
      return;
    }
    if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
      throw new IllegalStateException("The profiles 'prod' and 'demo' exclude each other: demo users have known passwords.");
    }
    String password = environment.getProperty(ADMIN_PASSWORD);
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("Profile 'prod' needs an administrator password: set the environment "
          + "variable USM_ADMIN_PASSWORD (and USM_ADMIN_USER if the administrator is not called 'admin').");
    }
    if (DEMO_PASSWORDS.contains(password)) {
      throw new IllegalStateException("Profile 'prod' refuses a demo password for the administrator: "
          + "set USM_ADMIN_PASSWORD to a password of your own.");
    }
  }
}
