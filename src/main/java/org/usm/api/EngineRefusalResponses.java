package org.usm.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.usm.engine.ConcurrentChanges;
import org.usm.engine.RuleEnforcement;
import org.usm.engine.RuleViolation;

/**
 * Makes a refusal by a USM rule read the same on every API: where the engine's REST APIs
 * ({@code /engine-rest} and the webapps' {@code /camunda/api/engine}) answer a refused request, the
 * body keeps Camunda's own fields ({@code type}, {@code message}, which Tasklist shows) and gains the
 * product's {@code error}, {@code field} and {@code ruleId}, as the product's own API answers. A request
 * that lost a race with another on the same call ({@link ConcurrentChanges}) is answered 409, or 404 for a
 * task that is gone, with the reason, instead of the engine's 500.
 */
@Configuration
public class EngineRefusalResponses {

  @Bean
  public FilterRegistrationBean<RefusalBodyFilter> engineRefusalBody(ObjectMapper json) {
    FilterRegistrationBean<RefusalBodyFilter> registration = new FilterRegistrationBean<>(new RefusalBodyFilter(json));
    registration.setName("usm-engine-refusal-body");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    return registration;
  }

  /** Adds the refusal's rule and field to the error body of a refused engine request; answers lost races. */
  static final class RefusalBodyFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    RefusalBodyFilter(ObjectMapper json) {
      this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      // nothing left from an earlier use of this thread
      RuleEnforcement.takeRefusalOfThisRequest();
      ConcurrentChanges.takeLostRaceOfThisRequest();
      ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
      try {
        chain.doFilter(request, wrapper);
        RuleViolation refusal = RuleEnforcement.takeRefusalOfThisRequest();
        ConcurrentChanges.LostRace lostRace = ConcurrentChanges.takeLostRaceOfThisRequest();
        if (refusal != null && wrapper.getStatus() >= 400) {
          Map<String, Object> body = engineBody(wrapper);
          body.put("error", refusal.getMessage());
          body.put("field", refusal.field());
          body.put("ruleId", refusal.ruleId());
          replaceBody(wrapper, body);
        } else if (lostRace != null && wrapper.getStatus() >= 400) {
          // The engine answers a lost race as a server error (or a bad request): it is news for the client.
          Map<String, Object> body = engineBody(wrapper);
          body.put("message", lostRace.message());
          body.put("error", lostRace.message());
          body.put("field", null);
          wrapper.setStatus(lostRace.status());
          replaceBody(wrapper, body);
        }
      } finally {
        wrapper.copyBodyToResponse();
      }
    }

    private Map<String, Object> engineBody(ContentCachingResponseWrapper wrapper) {
      Map<String, Object> body = new LinkedHashMap<>();
      byte[] engineBody = wrapper.getContentAsByteArray();
      if (engineBody.length > 0) {
        try {
          body.putAll(json.readValue(engineBody, Map.class));
        } catch (IOException notJson) {
          body.put("message", new String(engineBody, java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      return body;
    }

    private void replaceBody(ContentCachingResponseWrapper wrapper, Map<String, Object> body) throws IOException {
      wrapper.resetBuffer();
      wrapper.setContentType(MediaType.APPLICATION_JSON_VALUE);
      wrapper.getOutputStream().write(json.writeValueAsBytes(body));
    }
  }
}
