package org.usm.model;

import java.util.Arrays;
import org.usm.language.Language;
import org.usm.language.Phrase;

/**
 * The five universal USM processes. Each is one BPMN process shared by every service
 * (USM non-redundancy): the process key is the same for all services.
 */
public enum UsmProcess {
  AGREE("usm-agree", "agree", "Agree", "Afspreken", CallType.WISH),
  CHANGE("usm-change", "change", "Change", "Wijzigen", CallType.RFC),
  RECOVER("usm-recover", "recover", "Recover", "Herstellen", CallType.INCIDENT),
  OPERATE("usm-operate", "operate", "Operate", "Uitvoeren", CallType.SERVICE_REQUEST),
  IMPROVE("usm-improve", "improve", "Improve", "Verbeteren", CallType.RISK);

  /**
   * The prefix of every key of the product: the universal processes, the instantiated workflows, the
   * decisions and the forms. Nothing with it is deployed or started but by the product.
   */
  public static final String PRODUCT_KEY_PREFIX = "usm-";

  private final String key;
  private final String id;
  private final Phrase displayName;
  private final CallType trigger;

  UsmProcess(String key, String id, String english, String dutch, CallType trigger) {
    this.key = key;
    this.id = id;
    this.displayName = new Phrase(english, dutch);
    this.trigger = trigger;
  }

  /** The BPMN process definition key, for example {@code usm-recover}. */
  public String key() {
    return key;
  }

  /** The short name used in service definitions and role bindings, for example {@code recover}. */
  public String id() {
    return id;
  }

  /** The process's name in English, for log lines and messages to designers: {@code Recover}. */
  public String displayName() {
    return displayName(Language.EN);
  }

  /** The process's name as the people who work in it read it: {@code Herstellen}. */
  public String displayName(Language language) {
    return displayName.in(language);
  }

  /** The call type that triggers this process when it is the entry process of a workflow. */
  public CallType trigger() {
    return trigger;
  }

  public static UsmProcess byKey(String key) {
    return Arrays.stream(values())
        .filter(p -> p.key.equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a USM process key: " + key));
  }

  public static boolean isUniversalProcessKey(String key) {
    return Arrays.stream(values()).anyMatch(p -> p.key.equals(key));
  }

  public static UsmProcess byId(String id) {
    return Arrays.stream(values())
        .filter(p -> p.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a USM process: " + id));
  }
}
