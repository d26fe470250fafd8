package org.usm.model;

import java.util.Arrays;

/**
 * The five universal USM processes. Each is one BPMN process shared by every service
 * (USM non-redundancy): the process key is the same for all services.
 */
public enum UsmProcess {
  AGREE("usm-agree", "agree", "Agree", CallType.WISH),
  CHANGE("usm-change", "change", "Change", CallType.RFC),
  RECOVER("usm-recover", "recover", "Recover", CallType.INCIDENT),
  OPERATE("usm-operate", "operate", "Operate", CallType.SERVICE_REQUEST),
  IMPROVE("usm-improve", "improve", "Improve", CallType.RISK);

  /**
   * The prefix of every key of the product: the universal processes, the instantiated workflows, the
   * decisions and the forms. Nothing with it is deployed or started but by the product.
   */
  public static final String PRODUCT_KEY_PREFIX = "usm-";

  private final String key;
  private final String id;
  private final String displayName;
  private final CallType trigger;

  UsmProcess(String key, String id, String displayName, CallType trigger) {
    this.key = key;
    this.id = id;
    this.displayName = displayName;
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

  public String displayName() {
    return displayName;
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
