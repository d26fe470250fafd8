package org.usm.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;
import org.usm.trust.DeploymentRules;
import org.usm.trust.TrustRule;

/**
 * Only the product deploys (rule T3): refuses a new deployment made by any user, administrators
 * included, whose resources break {@link DeploymentRules}. Runs before the engine's own deployers, so a
 * refused deployment leaves nothing behind. The product deploys without a user.
 */
@Component
public class DeploymentGuard implements Deployer {

  private final DeploymentRules rules = DeploymentRules.fromProductModels();
  private final RuleEnforcement enforcement;

  public DeploymentGuard(RuleEnforcement enforcement) {
    this.enforcement = enforcement;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    String user = Context.getCommandContext().getAuthenticatedUserId();
    if (!deployment.isNew() || user == null) {
      return;
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    Map<String, ResourceEntity> entities = deployment.getResources();
    if (entities != null) {
      entities.forEach((name, resource) -> resources.put(name, resource.getBytes()));
    }
    List<TrustRule.Refusal> refusals = rules.check(resources);
    if (!refusals.isEmpty()) {
      TrustRule.Refusal first = refusals.get(0);
      throw enforcement.refuse(null, null, null, user, first.rule().id(), first.field(), "deployment '"
          + deployment.getName() + "' refused: " + String.join("; ", refusals.stream().map(TrustRule.Refusal::message).toList()));
    }
  }
}
