package org.usm.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.usm.testing.UsmTestEngine;

/** The product's engine still validates every model against the BPMN schema, and still refuses DOCTYPEs. */
class CompiledSchemaBpmnParseTest {

  private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
  private static final String DEFINITIONS = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
      + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"usm-test\">";

  private static void deploy(String xml) {
    ProcessEngine engine = UsmTestEngine.get();
    engine.getRepositoryService().createDeployment().addString("schema-test.bpmn",
        new String(xml.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).deploy();
  }

  @Test
  void aModelThatBreaksTheSchemaIsRefused() {
    assertThatThrownBy(() -> deploy(HEAD + DEFINITIONS + "<process id=\"schema-test\" isExecutable=\"true\" "
        + "camunda:historyTimeToLive=\"P1D\"><startEvent id=\"start\"/><notABpmnElement id=\"x\"/></process>"
        + "</definitions>"))
        .isInstanceOf(ParseException.class).hasMessageContaining("cvc-complex-type");
  }

  @Test
  void aDoctypeIsRefused() {
    assertThatThrownBy(() -> deploy(HEAD + "<!DOCTYPE definitions [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + DEFINITIONS + "<process id=\"schema-test-2\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">"
        + "<startEvent id=\"start\" name=\"&x;\"/></process></definitions>"))
        .hasMessageContaining("DOCTYPE");
  }
}
