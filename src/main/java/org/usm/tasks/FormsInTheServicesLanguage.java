package org.usm.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.engine.ModelListener;
import org.usm.engine.ParsedActivity;
import org.usm.instantiation.ServiceBindings;
import org.usm.model.UsmProcess;

/**
 * A call's tasks show their forms in the language of its service (DESIGN §14): the Dutch copy of each
 * product form ({@link FormTranslations}) is deployed beside the English form as the product starts, and a
 * user task's form reference names the Dutch copy when the task's call is for a Dutch service. Forms of
 * models the product does not ship are left alone.
 */
@Component
public class FormsInTheServicesLanguage implements ModelListener {

  /** The name of the deployment of the Dutch forms. */
  public static final String DEPLOYMENT = "usm-forms-nl";

  private static final Logger LOG = LoggerFactory.getLogger(FormsInTheServicesLanguage.class);

  // The engine is built with this listener: what comes from the engine is resolved late.
  private final ObjectProvider<ServiceBindings> bindings;
  private final ObjectProvider<RepositoryService> repositoryService;

  public FormsInTheServicesLanguage(ObjectProvider<ServiceBindings> bindings,
      ObjectProvider<RepositoryService> repositoryService) {
    this.bindings = bindings;
    this.repositoryService = repositoryService;
  }

  @Override
  public void parsedUserTask(ParsedActivity userTask) {
    userTask.chooseForm((formId, execution) -> formId.startsWith(UsmProcess.PRODUCT_KEY_PREFIX)
        ? FormTranslations.formId(formId, bindings.getObject().languageOf(execution)) : formId);
  }

  /**
   * Deploys the Dutch forms, as the product (no user), with duplicate filtering: a start with the same
   * forms and table deploys nothing. A text without Dutch stays English and is logged (a test fails on it).
   */
  @EventListener(ApplicationStartedEvent.class)
  @Order(1)
  public void deployDutchForms() {
    FormTranslations translations = FormTranslations.shipped();
    DeploymentBuilder deployment = repositoryService.getObject().createDeployment().name(DEPLOYMENT)
        .enableDuplicateFiltering(true);
    for (Map.Entry<String, JsonNode> form : FormTranslations.englishForms().entrySet()) {
      List<String> untranslated = new ArrayList<>();
      JsonNode dutch = translations.dutch(form.getValue(), untranslated::add);
      if (!untranslated.isEmpty()) {
        LOG.warn("Form {} has no Dutch for {} in {}: those texts stay English", form.getKey(), untranslated,
            FormTranslations.TABLE);
      }
      deployment.addString(dutch.path("id").asText() + ".form", FormTranslations.json(dutch));
    }
    deployment.deploy();
  }
}
