package dev.autoreply.worker.pipeline;

import dev.autoreply.api.settings.PrioritySettings;
import dev.autoreply.api.settings.WorkerSettings;
import dev.autoreply.worker.customers.Customer;
import dev.autoreply.worker.customers.CustomerLookup;
import dev.autoreply.worker.drafting.DraftRequest;
import dev.autoreply.worker.mail.InboundMail;
import dev.autoreply.worker.priority.PriorityClassifier;
import dev.autoreply.worker.priority.PriorityDecision;
import dev.autoreply.worker.priority.PriorityRequest;
import dev.autoreply.worker.priority.PriorityRules;
import dev.autoreply.worker.priority.PriorityTier;
import dev.autoreply.worker.priority.TierOverride;
import dev.autoreply.worker.priority.TierProfiles;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prepares the model request for a mail: looks the sender up in the tenant's customer directory,
 * puts the mail in a priority tier, and takes that tier's model, token bound and tone.
 */
public final class DraftPlanner {

  private final WorkerSettings settings;
  private final CustomerLookup customers;
  private final PriorityClassifier classifier;
  private final TierProfiles profiles;

  public DraftPlanner(WorkerSettings settings, CustomerLookup customers, MeterRegistry registry) {
    this.settings = settings;
    this.customers = customers;
    this.classifier = new PriorityClassifier(rules(settings.priority()), registry);
    this.profiles = new TierProfiles(settings, overrides(settings.priority()));
  }

  DraftRequest plan(IncomingMessage message, InboundMail mail, String threadText) {
    Optional<Customer> customer = customers.find(settings.tenant(), mail.from());
    PriorityDecision priority = classifier.classify(new PriorityRequest(
        settings.tenant(),
        message.messageId(),
        mail.from(),
        mail.subject(),
        mail.bodyText(),
        mail.inReplyTo() != null || !mail.references().isEmpty(),
        customer.map(Customer::tier).orElse(null)));

    return new DraftRequest(
        profiles.settingsFor(priority.tier()),
        message.messageId(),
        SenderName.of(mail),
        mail.from(),
        mail.subject(),
        mail.bodyText(),
        threadText,
        customer.map(DraftPlanner::context).orElse(""));
  }

  private static String context(Customer customer) {
    StringBuilder text = new StringBuilder();
    if (!customer.name().isBlank()) {
      text.append("Name: ").append(customer.name()).append('\n');
    }
    text.append("Customer tier: ").append(customer.tier()).append('\n');
    if (!customer.notes().isBlank()) {
      text.append("Notes: ").append(customer.notes()).append('\n');
    }
    return text.toString();
  }

  private static PriorityRules rules(PrioritySettings priority) {
    return new PriorityRules(
        Set.copyOf(priority.vipDomains()),
        Set.copyOf(priority.urgentKeywords()),
        Set.copyOf(priority.vipCustomerTiers()),
        priority.threadRepliesFirst());
  }

  private static Map<PriorityTier, TierOverride> overrides(PrioritySettings priority) {
    Map<PriorityTier, TierOverride> overrides = new EnumMap<>(PriorityTier.class);
    overrides.put(PriorityTier.URGENT, override(priority.urgent()));
    overrides.put(PriorityTier.HIGH, override(priority.high()));
    return overrides;
  }

  private static TierOverride override(PrioritySettings.TierSettings tier) {
    return tier == null ? TierOverride.NONE
        : new TierOverride(tier.model(), tier.maxOutputTokens(), tier.tone());
  }
}
