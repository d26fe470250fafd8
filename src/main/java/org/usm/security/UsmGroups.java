package org.usm.security;

/** The product's own groups, beside the groups that service definitions bind to the five processes. */
public final class UsmGroups {

  private UsmGroups() {}

  /** Camunda's administrators group: full access to the engine and its webapps. */
  public static final String ADMINS = "camunda-admin";
  /** May register calls for any service and read the calls they registered or requested. */
  public static final String REQUESTERS = "usm-requesters";
  /**
   * The service desk: registers calls for any service on behalf of the person who asks (naming any existing
   * user as requester) and looks requesters up; reads the calls it registered.
   */
  public static final String SERVICE_DESK = "usm-service-desk";
  /** Read everything, change nothing. */
  public static final String AUDITORS = "usm-auditors";
  /** Describe services and deploy their workflows. */
  public static final String DESIGNERS = "usm-designers";
  /**
   * Accounts of other organisations' installations that hand calls to this one over a link: they register
   * calls and read the link status of their own, nothing else.
   */
  public static final String LINK_ACCOUNTS = "usm-link-accounts";
}
