package org.usm.engine;

import java.util.List;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization checks with the user's groups as authenticated. Camunda first narrows them to the groups
 * named by any authorization, reading every group of {@code ACT_RU_AUTHORIZATION} once per command: with one grant per
 * open task that read grows with the open work (4.5 ms a command at 100,000 open calls on PostgreSQL, two commands to
 * claim and complete). A group without authorizations matches no row of the checks, so leaving it in changes no answer.
 */
final class GroupsAsAuthenticated implements SessionFactory {

  @Override
  public Class<?> getSessionType() {
    return AuthorizationManager.class;
  }

  @Override
  public Session openSession() {
    return new AuthorizationManager() {
      @Override
      public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
        return authenticatedGroupIds == null ? List.of() : authenticatedGroupIds;
      }
    };
  }
}
