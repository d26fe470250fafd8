package org.usm.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.usm.engine.Actor;

/**
 * HTTP Basic against the engine's users (Camunda's own filter), with two refinements for links (DESIGN §11):
 *
 * <ul>
 *   <li>a provider's status report ({@code POST /api/linked-calls/{id}/status}) authenticates with the
 *       secret made for that one linked call, checked by its endpoint, not with a user's password;</li>
 *   <li>a link account (group {@code usm-link-accounts}), another organisation's installation, registers
 *       calls and reads the link status of its own calls, and nothing else of this installation.</li>
 * </ul>
 */
public class ApiAuthenticationFilter implements Filter {

  /** The one request that carries a linked call's secret instead of a user's credentials. */
  static final Pattern STATUS_REPORT = Pattern.compile("/api/linked-calls/[^/]+/status");
  /** What a link account may do: register a call, read the link status of a call. */
  private static final Pattern LINK_STATUS = Pattern.compile("/api/calls/[^/]+/link-status");

  private final ProcessEngineAuthenticationFilter basic = new ProcessEngineAuthenticationFilter();
  private final Supplier<IdentityService> identityService;

  public ApiAuthenticationFilter(Supplier<IdentityService> identityService) {
    this.identityService = identityService;
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    basic.init(config);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    String path = http.getRequestURI().substring(http.getContextPath().length());
    if ("POST".equals(http.getMethod()) && STATUS_REPORT.matcher(path).matches()) {
      chain.doFilter(request, response);
      return;
    }
    basic.doFilter(request, response, (authenticated, answer) -> {
      if (isLinkAccount() && !mayLinkAccount(http.getMethod(), path)) {
        HttpServletResponse refused = (HttpServletResponse) answer;
        refused.setStatus(HttpServletResponse.SC_FORBIDDEN);
        refused.setContentType("application/json");
        refused.getWriter().write("{\"error\":\"a link account registers calls (POST /api/calls) and reads the link "
            + "status of its own calls (GET /api/calls/{trackingNumber}/link-status), nothing else\",\"field\":null}");
        return;
      }
      chain.doFilter(authenticated, answer);
    });
  }

  static boolean mayLinkAccount(String method, String path) {
    return ("POST".equals(method) && "/api/calls".equals(path))
        || ("GET".equals(method) && LINK_STATUS.matcher(path).matches());
  }

  private boolean isLinkAccount() {
    return Actor.current(identityService.get()).filter(actor -> actor.groupIds().contains(UsmGroups.LINK_ACCOUNTS))
        .isPresent();
  }

  @Override
  public void destroy() {
    basic.destroy();
  }
}
