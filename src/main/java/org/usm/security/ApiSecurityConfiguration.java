package org.usm.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic against the engine's users on the engine's REST API and on the product's API: no endpoint
 * answers without credentials, and every request runs with the user's identity and groups set in the
 * engine, so that the engine's authorization checks apply to it. The one exception, a provider's status
 * report on a linked call, carries that call's own secret instead ({@link ApiAuthenticationFilter}).
 */
@Configuration
public class ApiSecurityConfiguration {

  private final ObjectProvider<IdentityService> identityService;

  public ApiSecurityConfiguration(ObjectProvider<IdentityService> identityService) {
    this.identityService = identityService;
  }

  @Bean
  public FilterRegistrationBean<Filter> engineRestAuthentication() {
    return basicAuthentication("engine-rest-basic-auth", "/engine-rest/*");
  }

  @Bean
  public FilterRegistrationBean<Filter> productApiAuthentication() {
    return basicAuthentication("usm-api-basic-auth", "/api/*");
  }

  private FilterRegistrationBean<Filter> basicAuthentication(String name, String urlPattern) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
        new ApiAuthenticationFilter(identityService::getObject));
    registration.setName(name);
    registration.addUrlPatterns(urlPattern);
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }
}
