package dev.autoreply.worker.priority;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tenant's priority settings. Values are stored stripped and in lower case, blank ones are
 * dropped, and a leading '@' of a domain is removed.
 *
 * @param vipDomains sender domains whose mail is HIGH; a domain also covers its subdomains
 * @param urgentKeywords words or phrases that make a mail URGENT, matched as whole words and
 *     ignoring case
 * @param vipTiers customer tiers whose mail is HIGH, for example "vip" or "gold"
 * @param prioritizeThreadReplies whether a mail that continues an existing thread is HIGH
 */
public record PriorityRules(
    Set<String> vipDomains,
    Set<String> urgentKeywords,
    Set<String> vipTiers,
    boolean prioritizeThreadReplies) {

  public PriorityRules {
    vipDomains = normalize(vipDomains, true);
    urgentKeywords = normalize(urgentKeywords, false);
    vipTiers = normalize(vipTiers, false);
  }

  /** Returns rules under which every mail is NORMAL. */
  public static PriorityRules none() {
    return new PriorityRules(Set.of(), Set.of(), Set.of(), false);
  }

  private static Set<String> normalize(Collection<String> values, boolean domains) {
    if (values == null) {
      return Set.of();
    }
    return values.stream()
        .filter(value -> value != null && !value.isBlank())
        .map(value -> value.strip().toLowerCase(Locale.ROOT))
        .map(value -> domains && value.startsWith("@") ? value.substring(1) : value)
        .filter(value -> !value.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
