package dev.autoreply.worker.priority;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the {@link PriorityTier} of a mail from a tenant's {@link PriorityRules}. The first
 * rule that matches decides, in this order:
 *
 * <ol>
 *   <li>an urgent keyword in the subject or the unquoted body: URGENT
 *   <li>a customer tier among the VIP tiers: HIGH
 *   <li>a sender domain among the VIP domains or below one: HIGH
 *   <li>a reply in an existing thread, when the rules give those priority: HIGH
 *   <li>otherwise NORMAL
 * </ol>
 *
 * Each decision is counted as {@code autoreply_priority_total{tenant,tier,reason}} and logged
 * at INFO.
 */
public final class PriorityClassifier {

  private static final Logger log = LoggerFactory.getLogger(PriorityClassifier.class);

  private final PriorityRules rules;
  private final UrgentKeywords urgentKeywords;
  private final MeterRegistry registry;

  public PriorityClassifier(PriorityRules rules, MeterRegistry registry) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.urgentKeywords = new UrgentKeywords(rules.urgentKeywords());
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** Decides the priority of {@code request}, counts it and logs it. */
  public PriorityDecision classify(PriorityRequest request) {
    PriorityDecision decision = decide(request);
    Counter.builder("autoreply.priority")
        .description("Mails by priority tier and the rule that chose it")
        .tag("tenant", request.tenant())
        .tag("tier", decision.tier().labelValue())
        .tag("reason", decision.reason().code())
        .register(registry)
        .increment();
    log.info("Priority {} ({}) for message {} of tenant {}", decision.tier().labelValue(),
        decision.reason().code(), request.messageId(), request.tenant());
    return decision;
  }

  /** Decides the priority of {@code request} without side effects. */
  PriorityDecision decide(PriorityRequest request) {
    if (urgentKeywords.matches(request.subject(), request.body())) {
      return new PriorityDecision(PriorityTier.URGENT, PriorityReason.URGENT_KEYWORD);
    }
    String tier = request.customerTier().strip().toLowerCase(Locale.ROOT);
    if (!tier.isEmpty() && rules.vipTiers().contains(tier)) {
      return new PriorityDecision(PriorityTier.HIGH, PriorityReason.VIP_CUSTOMER);
    }
    if (isVipDomain(request.senderAddress())) {
      return new PriorityDecision(PriorityTier.HIGH, PriorityReason.VIP_DOMAIN);
    }
    if (request.threadReply() && rules.prioritizeThreadReplies()) {
      return new PriorityDecision(PriorityTier.HIGH, PriorityReason.THREAD_REPLY);
    }
    return new PriorityDecision(PriorityTier.NORMAL, PriorityReason.DEFAULT);
  }

  private boolean isVipDomain(String address) {
    int at = address.lastIndexOf('@');
    if (at < 0) {
      return false;
    }
    String domain = address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    for (String vipDomain : rules.vipDomains()) {
      if (domain.equals(vipDomain) || domain.endsWith("." + vipDomain)) {
        return true;
      }
    }
    return false;
  }
}
