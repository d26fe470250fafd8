package org.usm.instantiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.usm.definition.ServiceDefinition;
import org.usm.language.Language;
import org.usm.model.Priority;
import org.usm.model.Role;
import org.usm.model.UsmProcess;
import org.usm.model.WorkflowElements;
import org.usm.model.WorkflowPattern;
import org.usm.testing.UsmTestEngine;

/** Template instantiation with the BPMN Model API, without an engine. */
class WorkflowTemplateInstantiatorTest {

  /** Where the instantiated workflows are exported for bpmnlint (run by mvn verify). */
  static final Path EXPORT = Path.of("target", "instantiated-workflows");

  private final WorkflowTemplateInstantiator instantiator = new WorkflowTemplateInstantiator();

  @ParameterizedTest(name = "{0} is instantiated for every demo service and exported for the model lint")
  @EnumSource(WorkflowPattern.class)
  void everyTemplateIsInstantiatedForEveryDemoServiceAndExported(WorkflowPattern pattern) throws Exception {
    Files.createDirectories(EXPORT);
    for (ServiceDefinition service : UsmTestEngine.demoServices()) {
      BpmnModelInstance workflow = instantiator.instantiate(pattern, service);
      Bpmn.validateModel(workflow); // schema-valid: the product leaves this to the engine's parser at run time
      Process process = onlyProcess(workflow);

      assertThat(process.getId()).isEqualTo("usm-wf" + pattern.number() + "-" + service.id());
      assertThat(process.getName()).isEqualTo(pattern.name() + " " + pattern.title() + " · " + service.name());
      BpmnPlane plane = workflow.getModelElementsByType(BpmnPlane.class).iterator().next();
      assertThat(plane.getBpmnElement()).as("the diagram still draws the renamed process").isSameAs(process);
      CallActivity entry = workflow.getModelElementById(WorkflowElements.ENTRY_PROCESS);
      assertThat(entry.getCalledElement()).isEqualTo(pattern.entryProcess().key());

      File file = EXPORT.resolve(ServiceWorkflowDeployer.resourceName(pattern, service.id())).toFile();
      Bpmn.writeModelToFile(file, workflow);
      assertThat(onlyProcess(Bpmn.readModelFromFile(file)).getId()).isEqualTo(process.getId());
    }
  }

  @Test
  void theServiceBindingTravelsInTheModelAndReadsBackWhole() {
    ServiceDefinition werkplek = demo("werkplek");
    BpmnModelInstance workflow = instantiator.instantiate(WorkflowPattern.WF3, werkplek);

    ServiceBinding binding = WorkflowTemplateInstantiator.bindingOf(workflow);

    assertThat(binding.serviceId()).isEqualTo("werkplek");
    assertThat(binding.serviceName()).isEqualTo("Digitale werkplek");
    assertThat(binding.pattern()).isEqualTo(WorkflowPattern.WF3);
    assertThat(binding.groups(UsmProcess.CHANGE, Role.COORDINATOR)).containsExactly("it-wijzigingscoordinatie");
    assertThat(binding.groups(UsmProcess.CHANGE, Role.OPERATOR))
        .containsExactly("it-werkplekbeheer", "ict-applicatiebeheer");
    // WF3 is an incident workflow: the handling times bound are the incident SLA of the service.
    assertThat(binding.handlingTime(Priority.P1)).isEqualTo(Duration.ofHours(2));
    assertThat(binding.handlingTime(Priority.P4)).isEqualTo(Duration.ofDays(3));
    assertThat(binding).isEqualTo(ServiceBinding.of(WorkflowPattern.WF3, werkplek));
  }

  /**
   * The language travels with the binding: a Dutch service's workflow binds Dutch, an English one English,
   * and a workflow deployed before services had a language binds English, so that its calls still run.
   */
  @Test
  void aDutchServiceBindsDutchAnEnglishOneEnglishAndAnOlderWorkflowEnglish() throws Exception {
    ServiceDefinition werkplek = demo("werkplek");
    assertThat(WorkflowTemplateInstantiator.bindingOf(instantiator.instantiate(WorkflowPattern.WF3, werkplek))
        .language()).isEqualTo(Language.NL);

    ServiceDefinition english = inEnglish("werkplek");
    assertThat(WorkflowTemplateInstantiator.bindingOf(instantiator.instantiate(WorkflowPattern.WF3, english))
        .language()).isEqualTo(Language.EN);

    java.util.Map<String, String> older = new java.util.LinkedHashMap<>(
        ServiceBinding.of(WorkflowPattern.WF3, werkplek).toProperties());
    assertThat(older.remove(ServiceBinding.PREFIX + ServiceBinding.LANGUAGE)).isEqualTo("nl");
    ServiceBinding olderBinding = ServiceBinding.fromProperties(older);
    assertThat(olderBinding.language()).isEqualTo(Language.EN);
    assertThat(olderBinding.serviceId()).isEqualTo("werkplek");
  }

@Test
  void sameServiceGivesTheSameModelTextSoRedeploymentIsFilteredAsDuplicate() {
    ServiceDefinition verhuizing = demo("verhuizing");
    String first = Bpmn.convertToString(instantiator.instantiate(WorkflowPattern.WF4, verhuizing));
    String second = Bpmn.convertToString(instantiator.instantiate(WorkflowPattern.WF4, verhuizing));
    assertThat(first).isEqualTo(second);
  }

  private static Process onlyProcess(BpmnModelInstance model) {
    Collection<Process> processes = model.getModelElementsByType(Process.class);
    assertThat(processes).hasSize(1);
    return processes.iterator().next();
  }

  /** The demo service as its English-speaking twin. */
  private static ServiceDefinition inEnglish(String id) throws java.io.IOException {
    try (java.io.InputStream in = WorkflowTemplateInstantiatorTest.class.getResourceAsStream("/services/" + id + ".yaml")) {
      String yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(yaml).contains("language: nl\n");
      return new org.usm.definition.ServiceDefinitionReader().read(id, new java.io.ByteArrayInputStream(
          yaml.replace("language: nl\n", "language: en\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)), id);
    }
  }

  private static ServiceDefinition demo(String id) {
    return UsmTestEngine.demoServices().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }
}
