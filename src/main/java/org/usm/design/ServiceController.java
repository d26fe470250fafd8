package org.usm.design;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.usm.definition.ServiceCatalog;
import org.usm.definition.ServiceDefinition;
import org.usm.definition.ServiceVersions;
import org.usm.instantiation.WorkflowTemplateInstantiator;
import org.usm.model.WorkflowPattern;

/**
 * The designer API (DESIGN §9): services created, versioned and retired at run time; read by every
 * authenticated user, written by designers and administrators. Definitions are sent as YAML or JSON.
 */
@RestController
@RequestMapping("/api/services")
public class ServiceController {

  static final MediaType YAML = MediaType.parseMediaType("application/yaml");

  /** A service as the list shows it. */
  public record Summary(String id, String name, int version, String state, Instant changedAt, String changedBy) {}

  /** One version as the history shows it: who changed the service when, and how. */
  public record Change(int version, String state, Instant changedAt, String changedBy, String change) {}

  /** A service with its definition (the latest version) and every version before it. */
  public record Details(String id, String name, int version, String state, ServiceDefinition definition,
      List<String> processDefinitionKeys, List<Change> history) {}

  private final ServiceDesign design;
  private final ServiceCatalog catalog;
  private final ServiceVersions versions;

  public ServiceController(ServiceDesign design, ServiceCatalog catalog, ServiceVersions versions) {
    this.design = design;
    this.catalog = catalog;
    this.versions = versions;
  }

  @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", "application/json", "text/plain"})
  public ResponseEntity<?> create(@RequestBody(required = false) String definition,
      @RequestParam(defaultValue = "false") boolean dryRun) {
    if (dryRun) {
      return ResponseEntity.ok(design.dryRun(definition, null));
    }
    ServiceDesign.Stored stored = design.create(definition);
    return ResponseEntity.created(URI.create("/api/services/" + stored.id())).body(stored);
  }

  @PutMapping(path = "/{id}", consumes = {"application/yaml", "application/x-yaml", "text/yaml", "application/json",
      "text/plain"})
  public ResponseEntity<?> newVersion(@PathVariable String id, @RequestBody(required = false) String definition,
      @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "false") boolean migrateRunning,
      @RequestParam(required = false) Integer expectedVersion) {
    if (dryRun) {
      return ResponseEntity.ok(design.dryRunVersion(id, definition));
    }
    return ResponseEntity.ok(design.newVersion(id, definition, migrateRunning, expectedVersion));
  }

  @DeleteMapping("/{id}")
  public ServiceDesign.Stored retire(@PathVariable String id) {
    return design.retire(id);
  }

  @GetMapping
  public List<Summary> list() {
    return versions.latest().stream().map(v -> new Summary(v.serviceId(), catalog.definitionOf(v).name(), v.version(),
        v.state().label(), v.changedAt(), v.changedBy())).toList();
  }

  @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Details details(@PathVariable String id) {
    ServiceVersions.ServiceVersion current = design.existing(id);
    ServiceDefinition definition = catalog.definitionOf(current);
    return new Details(id, definition.name(), current.version(), current.state().label(), definition,
        java.util.Arrays.stream(WorkflowPattern.values()).map(p -> p.keyFor(id)).toList(),
        versions.history(id).stream().map(v -> new Change(v.version(), v.state().label(), v.changedAt(),
            v.changedBy(), v.change())).toList());
  }

  /** The definition as its designer wrote it, ready to edit and send back. */
  @GetMapping(path = "/{id}", produces = {"application/yaml", "application/x-yaml", "text/yaml"})
  public ResponseEntity<String> yaml(@PathVariable String id) {
    return ResponseEntity.ok().contentType(YAML).body(design.existing(id).definition());
  }

  /** The instantiated workflow of pattern WF{@code n}, with its diagram, to open in Camunda Modeler. */
  @GetMapping("/{id}/workflows/{n}")
  public ResponseEntity<String> workflow(@PathVariable String id, @PathVariable String n) {
    return bpmn(pattern(n), catalog.definitionOf(design.existing(id)));
  }

  /**
   * The workflow of pattern WF{@code n} a definition would get, before it is stored: the designer's preview.
   * A definition that breaks rules answers 400 with its violations; nothing is stored or deployed.
   */
  @PostMapping(path = "/preview/{n}", consumes = {"application/yaml", "application/x-yaml", "text/yaml",
      "application/json", "text/plain"})
  public ResponseEntity<String> preview(@PathVariable String n, @RequestBody(required = false) String definition) {
    return bpmn(pattern(n), design.checked(definition));
  }

  private static WorkflowPattern pattern(String n) {
    return java.util.Arrays.stream(WorkflowPattern.values())
        .filter(p -> p.name().equals("WF" + n) || p.name().equals(n)).findFirst()
        .orElseThrow(() -> new DesignRefusal(404, "n", "no workflow pattern WF" + n + ": the patterns are WF1 … WF8"));
  }

  private static ResponseEntity<String> bpmn(WorkflowPattern pattern, ServiceDefinition service) {
    String bpmn = Bpmn.convertToString(new WorkflowTemplateInstantiator().instantiate(pattern, service));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + pattern.keyFor(service.id()) + ".bpmn\"")
        .body(bpmn);
  }
}
