package org.usm.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.usm.definition.ServiceDefinition;
import org.usm.tasks.TaskForms;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.usm.testing.UsmTestEngine;

/**
 * Model checks of every BPMN, DMN and form file: it parses, carries diagram interchange and a history time to
 * live, the universal processes hold exactly the contract's step ids with the contract's task types, and
 * everything deploys (the process tests' engine deploys them as production does).
 */
class ModelFilesTest {

  static Stream<Path> bpmnFiles() throws IOException {
    return files("bpmn", ".bpmn");
  }

  static Stream<Path> dmnFiles() throws IOException {
    return files("bpmn", ".dmn");
  }

  private static Stream<Path> files(String folder, String suffix) throws IOException {
    List<Path> found;
    try (Stream<Path> walk = Files.walk(Path.of(folder))) {
      found = walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
    assertThat(found).as("%s files under %s", suffix, folder).isNotEmpty();
    return found.stream();
  }

  @ParameterizedTest(name = "{0} parses, has diagram interchange and a history time to live")
  @MethodSource("bpmnFiles")
  void everyBpmnFileParsesWithDiagramAndHistoryTimeToLive(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Bpmn.validateModel(model);

    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());
    assertThat(ids(model.getModelElementsByType(FlowNode.class))).as("flow nodes drawn").isSubsetOf(shapes);
    assertThat(ids(model.getModelElementsByType(SequenceFlow.class))).as("flows drawn").isSubsetOf(edges);
    for (Process process : model.getModelElementsByType(Process.class)) {
      assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", process.getId())
          .isNotBlank();
      assertThat(process.isExecutable()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}: every call activity carries the call's whole context, as CallVariables declares it")
  @MethodSource("bpmnFiles")
  void everyCallActivityCarriesTheCallsContext(Path file) {
    for (CallActivity call : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(CallActivity.class)) {
      Map<String, String> carried = call.getExtensionElements().getElementsQuery()
          .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn.class).list().stream()
          .filter(in -> in.getCamundaSource() != null)
          .collect(Collectors.toMap(org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn::getCamundaTarget,
              org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn::getCamundaSource));
      // The history records these only where the call set them (CallHistoryLevel): each must be a plain copy.
      for (String name : CallVariables.CALL_CONTEXT) {
        assertThat(carried).as("%s carries %s as it is", call.getId(), name).containsEntry(name, name);
      }
    }
  }

  @ParameterizedTest(name = "{0} parses and has a history time to live")
  @MethodSource("dmnFiles")
  void everyDmnFileParsesWithHistoryTimeToLive(Path file) {
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
    Dmn.validateModel(model);
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      assertThat(decision.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", decision.getId())
          .isNotBlank();
    }
    assertThat(DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine().parseDecisions(model))
        .isNotEmpty();
  }

  @ParameterizedTest(name = "{0} holds exactly its contract steps")
  @EnumSource(UsmProcess.class)
  void universalProcessHoldsExactlyItsStepsWithTheirTaskTypes(UsmProcess usmProcess) {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn", "processes", usmProcess.key() + ".bpmn").toFile());
    assertThat(ids(model.getModelElementsByType(Process.class))).containsExactly(usmProcess.key());

    for (Step step : Step.of(usmProcess)) {
      BaseElement element = model.getModelElementById(step.id());
      assertThat(element).as(step.id()).isNotNull();
      Class<?> type = switch (step.kind()) {
        case CLASSIFY -> BusinessRuleTask.class;
        case FORK -> CallActivity.class;
        case REGISTER -> ServiceTask.class;
        default -> UserTask.class;
      };
      assertThat(element).as(step.id()).isInstanceOf(type);
      // The role is declared once, in Step; every USM user task reads it through the same expression.
      step.role().ifPresent(role -> assertThat(((UserTask) element).getCamundaCandidateGroups())
          .as("candidate groups of %s", step.id()).isEqualTo(org.usm.instantiation.RoleGroups.STEP_EXPRESSION));
    }
    Set<String> stepTasks = ids(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Activity.class));
    assertThat(stepTasks).as("no activity beyond the contract's steps")
        .containsExactlyInAnyOrderElementsOf(Step.of(usmProcess).stream().map(Step::id).toList());
    String code = String.valueOf(usmProcess.displayName().charAt(0));
    assertThat(ids(model.getModelElementsByType(FlowNode.class))).as("every element id carries its step code")
        .allMatch(id -> id.matches(code + "\\d_[A-Za-z]+"));
  }

  static Stream<Path> formFiles() throws IOException {
    return files("forms", ".form");
  }

  @ParameterizedTest(name = "{0} is a Camunda Form whose id is its file name and whose fields have keys")
  @MethodSource("formFiles")
  void everyFormParsesAndNamesItsFields(Path file) throws IOException {
    JsonNode form = new ObjectMapper().readTree(file.toFile());
    String id = file.getFileName().toString().replace(".form", "");
    assertThat(form.path("id").asText()).isEqualTo(id);
    assertThat(form.path("type").asText()).isEqualTo("default");
    assertThat(form.path("components")).isNotEmpty();
    for (JsonNode component : form.path("components")) {
      if (!"text".equals(component.path("type").asText())) {
        assertThat(component.path("key").asText()).as("field key in %s", id).isNotBlank();
        assertThat(component.path("label").asText()).as("label of %s in %s", component.path("key"), id).isNotBlank();
      }
    }
  }

  @Test
  void everyForkCarriesThePayloadTheHandoverRulesDeclareAndAFormOfItsProcessAsksForIt() throws IOException {
    org.usm.trust.FormFields forms = new org.usm.trust.FormFields();
    for (org.usm.handover.HandoverRules.Fork fork : org.usm.handover.HandoverRules.FORKS) {
      UsmProcess process = fork.step().process();
      BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn", "processes", process.key() + ".bpmn").toFile());
      CallActivity call = model.getModelElementById(fork.step().id());
      Set<String> carried = call.getExtensionElements().getElementsQuery()
          .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn.class).list().stream()
          .map(org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn::getCamundaSource)
          .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
      Set<String> asked = Step.of(process).stream().filter(Step::isUserTask)
          .flatMap(step -> forms.of(org.usm.tasks.TaskForms.formOf(step)).orElseThrow().stream())
          .collect(Collectors.toSet());
      for (UsmProcess target : fork.targets()) {
        String payload = org.usm.handover.HandoverRules.payloadOf(fork.step(), target);
        assertThat(carried).as("%s carries %s to %s", fork.step().id(), payload, target.key()).contains(payload);
        assertThat(asked).as("a form of %s asks for %s", process.key(), payload).contains(payload);
      }
    }
  }

  @Test
  void thePlanFormOffersTheServicesComponentsBeforeAskingForTheIdsAndSubmitsNoneOfThem() throws IOException {
    String formId = org.usm.tasks.TaskForms.formOf(Step.C3_PlanAndAgree);
    JsonNode form = new ObjectMapper().readTree(Path.of("forms", formId + ".form").toFile());
    List<String> order = new java.util.ArrayList<>();
    for (JsonNode component : form.path("components")) {
      order.add(component.path("key").asText(component.path("text").asText().contains(
          "{{" + CallVariables.SERVICE_COMPONENTS + "}}") ? "offer" : ""));
    }
    assertThat(order).as("the offer comes right before the field that asks for the ids")
        .containsSubsequence("offer", CallVariables.CHANGED_COMPONENTS);
    assertThat(order.indexOf(CallVariables.CHANGED_COMPONENTS) - order.indexOf("offer")).isEqualTo(1);
    assertThat(new org.usm.trust.FormFields().of(formId).orElseThrow())
        .as("the offer is the product's: no field submits it").doesNotContain(CallVariables.SERVICE_COMPONENTS);
    assertThat(org.usm.trust.ProtectedVariables.isProtected(CallVariables.SERVICE_COMPONENTS)).isTrue();
  }

  @ParameterizedTest(name = "the form of {0} offers exactly the routes the declaration allows")
  @org.junit.jupiter.params.provider.EnumSource(RouteDecision.class)
  void theRouteFormsOfferTheDeclaredRoutes(RouteDecision decision) throws IOException {
    String formId = org.usm.tasks.TaskForms.formOf(decision.decidedAt());
    JsonNode form = new ObjectMapper().readTree(Path.of("forms", formId + ".form").toFile());
    Set<String> offered = new java.util.TreeSet<>();
    for (JsonNode component : form.path("components")) {
      if (decision.variable().equals(component.path("key").asText())) {
        component.path("values").forEach(option -> offered.add(option.path("value").asText()));
      }
    }
    assertThat(offered).as("%s in %s", decision.variable(), formId).isEqualTo(decision.options());
  }

  @Test
  void everyUserTaskShowsTheFormOfItsKindAndEveryFormIsUsedAndDeployed() throws IOException {
    Set<String> used = new java.util.HashSet<>();
    for (Path file : bpmnFiles().toList()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String expected = Step.byId(task.getId()).map(TaskForms::formOf).orElse(TaskForms.STEER_SLA_BREACH);
        assertThat(task.getCamundaFormRef()).as("form of %s in %s", task.getId(), file).isEqualTo(expected);
        assertThat(task.getCamundaFormRefBinding()).isEqualTo("latest");
        used.add(expected);
      }
    }
    Set<String> forms = formFiles().map(f -> f.getFileName().toString().replace(".form", "")).collect(Collectors.toSet());
    assertThat(used).containsExactlyInAnyOrderElementsOf(forms);
    assertThat(UsmTestEngine.get().getRepositoryService().createDeploymentQuery().deploymentName("usm-models")
        .singleResult()).isNotNull();
    assertThat(UsmTestEngine.get().getRepositoryService().getDeploymentResourceNames(
        UsmTestEngine.get().getRepositoryService().createDeploymentQuery().deploymentName("usm-models").singleResult()
            .getId())).containsAll(forms.stream().map(f -> f + ".form").toList());
  }

  @ParameterizedTest(name = "a rejected review in {0} goes back to its rework step")
  @EnumSource(UsmProcess.class)
  void aRejectedReviewGoesBackToTheReworkStepOfItsProcess(UsmProcess usmProcess) {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn", "processes", usmProcess.key() + ".bpmn").toFile());
    Step review = Step.of(usmProcess, StepKind.REVIEW);
    FlowNode gateway = model.getModelElementById(review.code() + "_RequesterAccepted");
    SequenceFlow rejected = gateway.getOutgoing().stream()
        .filter(flow -> flow.getConditionExpression().getTextContent().contains("!requesterAccepted"))
        .findFirst().orElseThrow();
    assertThat(activityReachedBy(rejected).getId()).isEqualTo(Step.reworkAfterRejectedReview(usmProcess).id());
  }

  @ParameterizedTest(name = "a call reclassified at the accept step of {0} goes straight to its evaluation")
  @EnumSource(UsmProcess.class)
  void aCallReclassifiedAtTheAcceptStepGoesStraightToItsEvaluation(UsmProcess usmProcess) {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn", "processes", usmProcess.key() + ".bpmn").toFile());
    Step accept = Step.of(usmProcess, StepKind.ACCEPT);
    FlowNode gateway = ((FlowNode) model.getModelElementById(accept.id())).getOutgoing().iterator().next().getTarget();
    assertThat(gateway.getId()).isEqualTo(accept.code() + "_Reclassified");
    String reclassified = "${not empty execution.getVariable('" + CallVariables.RECLASSIFY_AS + "')}";
    String notReclassified = "${empty execution.getVariable('" + CallVariables.RECLASSIFY_AS + "')}";
    java.util.Map<String, String> next = gateway.getOutgoing().stream().collect(Collectors.toMap(
        flow -> flow.getConditionExpression().getTextContent(), flow -> activityReachedBy(flow).getId()));
    assertThat(next).containsOnly(java.util.Map.entry(reclassified, Step.of(usmProcess, StepKind.EVALUATE).id()),
        java.util.Map.entry(notReclassified, Step.of(usmProcess, StepKind.CLASSIFY).id()));
  }

  @Test
  void theFormOfEveryAcceptStepOffersEveryCallTypeToReclassifyAsAndAsksWhy() throws IOException {
    for (Step accept : Step.ofKind(StepKind.ACCEPT)) {
      String formId = TaskForms.formOf(accept);
      JsonNode form = new ObjectMapper().readTree(Path.of("forms", formId + ".form").toFile());
      java.util.Map<String, JsonNode> fields = new java.util.HashMap<>();
      form.path("components").forEach(component -> fields.put(component.path("key").asText(), component));
      JsonNode select = fields.get(CallVariables.RECLASSIFY_AS);
      List<String> offered = new java.util.ArrayList<>();
      select.path("values").forEach(option -> offered.add(option.path("value").asText()));
      assertThat(offered).as("%s in %s", CallVariables.RECLASSIFY_AS, formId)
          .containsExactlyElementsOf(java.util.Arrays.stream(CallType.values()).map(CallType::id).toList());
      assertThat(select.has("defaultValue")).as("empty unless the coordinator chooses").isFalse();
      assertThat(fields.get(CallVariables.RECLASSIFICATION_REASON).path("validate").path("required").asBoolean())
          .as("E1: the reason of an exit").isTrue();
    }
  }

  /** The activity a flow leads to, through the gateways on its way. */
  private static FlowNode activityReachedBy(SequenceFlow flow) {
    FlowNode target = flow.getTarget();
    while (!(target instanceof org.camunda.bpm.model.bpmn.instance.Activity)) {
      target = target.getOutgoing().iterator().next().getTarget();
    }
    return target;
  }

  @Test
  void onlyTheContractsForksCallOtherProcesses() {
    for (UsmProcess usmProcess : UsmProcess.values()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn", "processes", usmProcess.key() + ".bpmn").toFile());
      List<String> forks = model.getModelElementsByType(CallActivity.class).stream().map(BaseElement::getId).toList();
      List<String> expected = Step.of(usmProcess).stream().filter(s -> s.kind() == StepKind.FORK).map(Step::id).toList();
      assertThat(forks).as(usmProcess.key()).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void everyProcessDecisionAndInstantiatedWorkflowDeploys() {
    ProcessEngine engine = UsmTestEngine.get();
    Set<String> processKeys = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()
        .stream().map(d -> d.getKey()).collect(Collectors.toSet());
    for (UsmProcess process : UsmProcess.values()) {
      assertThat(processKeys).contains(process.key());
    }
    for (ServiceDefinition service : UsmTestEngine.demoServices()) {
      for (WorkflowPattern pattern : WorkflowPattern.values()) {
        assertThat(processKeys).contains(pattern.keyFor(service.id()));
      }
    }
    assertThat(processKeys).noneMatch(key -> key.endsWith("-template"));
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().latestVersion().list())
        .extracting(d -> d.getKey()).containsExactlyInAnyOrder("usm-priority", "usm-risk-priority");
  }

  private static Set<String> ids(Collection<? extends BaseElement> elements) {
    return elements.stream().map(BaseElement::getId).collect(Collectors.toSet());
  }
}
