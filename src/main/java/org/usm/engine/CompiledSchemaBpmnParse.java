package org.usm.engine;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.BpmnParseFactory;
import org.camunda.bpm.engine.impl.util.xml.Parse;
import org.camunda.bpm.engine.impl.util.xml.Parser;

/**
 * The engine's BPMN parse, validating against the BPMN 2.0 schema compiled once instead of once per
 * model: the engine hands its parser the schema's location, which Xerces reads and compiles for every
 * process definition it deploys (more than half the cost of deploying a service's eight workflows).
 * Same schema, same errors, same XML hardening (no DOCTYPE, no external entities, secure processing).
 */
final class CompiledSchemaBpmnParse extends BpmnParse {

  /** Installed with {@code ProcessEngineConfigurationImpl#setBpmnParseFactory}. */
  static final BpmnParseFactory FACTORY = CompiledSchemaBpmnParse::new;

  private static final Schema BPMN_SCHEMA = compile();
  private static final Parser VALIDATING = new Parser() {
    @Override
    public Parse createParse() {
      throw new UnsupportedOperationException("only the SAX parser is borrowed");
    }

    @Override
    protected SAXParser getSaxParser() throws Exception {
      return FACTORIES.get().newSAXParser();
    }
  };
  // A factory is not thread-safe; the compiled schema is.
  private static final ThreadLocal<SAXParserFactory> FACTORIES = ThreadLocal.withInitial(() -> {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://xml.org/sax/features/namespace-prefixes", true);
      factory.setXIncludeAware(false);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setSchema(BPMN_SCHEMA);
      return factory;
    } catch (Exception e) {
      throw new IllegalStateException("cannot configure the BPMN parser", e);
    }
  });

  private CompiledSchemaBpmnParse(BpmnParser bpmnParser) {
    super(bpmnParser);
    // The schema is the factory's: the engine must not name it again as a JAXP source.
    this.schemaResource = null;
    this.parser = VALIDATING;
  }

  private static Schema compile() {
    try {
      return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(
          CompiledSchemaBpmnParse.class.getClassLoader().getResource(BpmnParser.BPMN_20_SCHEMA_LOCATION));
    } catch (Exception e) {
      throw new IllegalStateException("cannot compile the BPMN 2.0 schema", e);
    }
  }
}
