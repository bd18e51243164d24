package dev.autoreply.worker.priority;

/** Rule that decided a {@link PriorityTier}, with the code used in logs and metrics. */
public enum PriorityReason {
  /** The subject or the unquoted body contains one of the urgent keywords. */
  URGENT_KEYWORD("urgent_keyword"),
  /** The customer's tier is one of the VIP tiers. */
  VIP_CUSTOMER("vip_customer"),
  /** The sender's domain, or a parent domain of it, is a VIP domain. */
  VIP_DOMAIN("vip_domain"),
  /** The mail continues an existing thread and the rules give thread replies priority. */
  THREAD_REPLY("thread_reply"),
  /** No rule matched. */
  DEFAULT("default");

  private final String code;

  PriorityReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
