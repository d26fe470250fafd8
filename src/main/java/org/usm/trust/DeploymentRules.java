package org.usm.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.core.io.Resource;
import org.usm.model.UsmProcess;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a deployment by a user may contain (rule T3, DESIGN §7): nothing that runs code on the server and
 * nothing of the product's. Models and decisions with a {@code usm-} id, scripts, Java classes, delegate
 * expressions, connectors and any expression outside the allowlist are refused; so is any resource that
 * is not a BPMN model, a DMN decision, a form or a picture. The allowlist is every expression in the
 * product's own processes, templates and decisions, read from them, so that it never drifts from them.
 * Plain Java over the resources' bytes: the engine's deployment guard applies it to every new deployment
 * a user makes; the product's own deployments run without a user.
 */
public final class DeploymentRules {

  /** The product's models and decisions, whose expressions make the allowlist. */
  public static final String PRODUCT_MODELS = "classpath*:bpmn/**/*.*";

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}?");
  private static final Set<String> CODE_ELEMENTS = Set.of("script", "scriptTask", "connector");
  private static final Set<String> CODE_ATTRIBUTES = Set.of("class", "delegateExpression", "variableMappingClass",
      "variableMappingDelegateExpression", "resource", "scriptFormat", "language");
  private static final Set<String> XML_SUFFIXES = Set.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml");
  private static final Set<String> PICTURE_SUFFIXES = Set.of(".png", ".jpg", ".jpeg", ".gif");
  private static final Set<String> ID_ELEMENTS = Set.of("process", "decision", "definitions");

  private final Set<String> allowedExpressions;

  public DeploymentRules(Set<String> allowedExpressions) {
    this.allowedExpressions = Set.copyOf(allowedExpressions);
  }

  /** The rules with the expressions of the product's own models as the allowlist. */
  public static DeploymentRules fromProductModels() {
    Set<String> expressions = new TreeSet<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(PRODUCT_MODELS)) {
        try (InputStream in = resource.getInputStream()) {
          walk(parse(in.readAllBytes()).getDocumentElement(), new Visitor() {
            @Override
            public void text(Element owner, String where, String text) {
              expressionsIn(text).forEach(expressions::add);
            }
          });
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the product's models at " + PRODUCT_MODELS, e);
    }
    return new DeploymentRules(expressions);
  }

  public Set<String> allowedExpressions() {
    return allowedExpressions;
  }

  /** Every reason to refuse the deployment, one per resource and finding; empty when it may be deployed. */
  public List<TrustRule.Refusal> check(Map<String, byte[]> resources) {
    List<TrustRule.Refusal> refusals = new ArrayList<>();
    resources.forEach((name, bytes) -> refusals.addAll(checkResource(name, bytes)));
    return refusals;
  }

  private List<TrustRule.Refusal> checkResource(String name, byte[] bytes) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (PICTURE_SUFFIXES.stream().anyMatch(lower::endsWith)) {
      return List.of();
    }
    if (lower.endsWith(".form")) {
      return checkForm(name, bytes);
    }
    if (XML_SUFFIXES.stream().noneMatch(lower::endsWith)) {
      return List.of(refusal(name, "only BPMN models, DMN decisions, forms and pictures may be deployed"));
    }
    Document document;
    try {
      document = parse(bytes);
    } catch (UncheckedIOException | IllegalArgumentException e) {
      return List.of(refusal(name, "is not a well-formed model"));
    }
    List<TrustRule.Refusal> refusals = new ArrayList<>();
    walk(document.getDocumentElement(), new Visitor() {
      @Override
      public void element(Element element) {
        String local = localName(element);
        if (CODE_ELEMENTS.contains(local)) {
          refusals.add(refusal(name, "contains a " + local + " (" + describe(element) + "): code runs only as the "
              + "product ships it"));
        }
        if (ID_ELEMENTS.contains(local) && element.getAttribute("id").startsWith(UsmProcess.PRODUCT_KEY_PREFIX)) {
          refusals.add(refusal(name, local + " '" + element.getAttribute("id") + "' has the product's prefix '"
              + UsmProcess.PRODUCT_KEY_PREFIX + "': the product's models are generated and deployed by the product only"));
        }
      }

      @Override
      public void attribute(Element owner, Attr attribute) {
        String local = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
        if (CODE_ATTRIBUTES.contains(local)) {
          refusals.add(refusal(name, describe(owner) + " has " + local + "=\"" + attribute.getValue()
              + "\": Java classes, delegate expressions and scripts run only as the product ships them"));
        }
        if ("expressionLanguage".equals(local) && !attribute.getValue().toLowerCase(Locale.ROOT).contains("feel")
            && !attribute.getValue().contains("XPath")) {
          refusals.add(refusal(name, describe(owner) + " uses expression language '" + attribute.getValue()
              + "': decisions use FEEL"));
        }
      }

      @Override
      public void text(Element owner, String where, String text) {
        for (String expression : expressionsIn(text)) {
          if (!allowedExpressions.contains(expression)) {
            refusals.add(refusal(name, describe(owner) + " uses expression " + expression + " in " + where
                + ", which is not one of the product's own expressions"));
          }
        }
      }
    });
    return refusals;
  }

  private static List<TrustRule.Refusal> checkForm(String name, byte[] bytes) {
    try {
      JsonNode form = new ObjectMapper().readTree(bytes);
      String id = form.path("id").asText("");
      return id.startsWith(UsmProcess.PRODUCT_KEY_PREFIX)
          ? List.of(refusal(name, "form '" + id + "' has the product's prefix '" + UsmProcess.PRODUCT_KEY_PREFIX
              + "': the product's forms are deployed by the product only"))
          : List.of();
    } catch (IOException e) {
      return List.of(refusal(name, "is not a Camunda Form (JSON)"));
    }
  }

  private static TrustRule.Refusal refusal(String resource, String message) {
    return TrustRule.T3.refuse(resource, "resource '" + resource + "' " + message);
  }

  static List<String> expressionsIn(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = EXPRESSION.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  private static String describe(Element element) {
    String id = element.getAttribute("id");
    return localName(element) + (id.isEmpty() ? "" : " '" + id + "'");
  }

  private static String localName(Node node) {
    return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
  }

  /** What a walk over a document reports. */
  private interface Visitor {
    default void element(Element element) {}

    default void attribute(Element owner, Attr attribute) {}

    /** An attribute value or a text node, with where it was found. */
    void text(Element owner, String where, String text);
  }

  private static void walk(Element element, Visitor visitor) {
    visitor.element(element);
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      visitor.attribute(element, attribute);
      visitor.text(element, "attribute " + attribute.getName(), attribute.getValue());
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        walk(childElement, visitor);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        visitor.text(element, "its text", child.getNodeValue());
      }
    }
  }

  /** A namespace-aware parser that resolves no external entities or DTDs (no XXE). */
  private static Document parse(byte[] bytes) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalArgumentException("not well-formed XML", e);
    }
  }
}
