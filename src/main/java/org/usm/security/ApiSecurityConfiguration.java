package org.usm.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic against the engine's users on the engine's REST API and on the product's API: no endpoint
 * answers without credentials, and every request runs with the user's identity and groups set in the
 * engine, so that the engine's authorization checks apply to it.
 */
@Configuration
public class ApiSecurityConfiguration {

  @Bean
  public FilterRegistrationBean<Filter> engineRestAuthentication() {
    return basicAuthentication("engine-rest-basic-auth", "/engine-rest/*");
  }

  @Bean
  public FilterRegistrationBean<Filter> productApiAuthentication() {
    return basicAuthentication("usm-api-basic-auth", "/api/*");
  }

  private static FilterRegistrationBean<Filter> basicAuthentication(String name, String urlPattern) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName(name);
    registration.addUrlPatterns(urlPattern);
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }
}
