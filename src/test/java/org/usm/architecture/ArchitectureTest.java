package org.usm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** What the package layout promises: one package per concept, and no concept that needs its own users. */
class ArchitectureTest {

  private static final JavaClasses PRODUCT = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.usm");

  @Test
  void thePackagesHaveNoCycles() {
    slices().matching("org.usm.(*)..").should().beFreeOfCycles().check(PRODUCT);
  }

  /**
   * The engine's internals change between Camunda versions and bypass its authorization: only the engine
   * adapter (plugin, guards, parse hooks, command context) touches them, everything else works with the
   * public API and the adapter's USM-shaped hooks.
   */
  @Test
  void onlyTheEngineAdapterUsesEngineInternals() {
    noClasses().that().resideOutsideOfPackage("org.usm.engine..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
        .check(PRODUCT);
  }
}
