package dev.autoreply.api.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The tenant's priority rules as the worker reads them.
 *
 * @param vipDomains sender domains whose mail is high priority, lower case
 * @param urgentKeywords words or phrases that make a mail urgent
 * @param vipCustomerTiers customer tiers whose mail is high priority, lower case
 * @param threadRepliesFirst whether replies in an existing thread are high priority
 * @param urgent model settings of urgent mail, or null to keep the tenant's
 * @param high model settings of high-priority mail, or null to keep the tenant's
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PrioritySettings(
    List<String> vipDomains,
    List<String> urgentKeywords,
    List<String> vipCustomerTiers,
    boolean threadRepliesFirst,
    TierSettings urgent,
    TierSettings high) {

  /** No rules: every mail is of normal priority. */
  public static final PrioritySettings NONE =
      new PrioritySettings(List.of(), List.of(), List.of(), false, null, null);

  public PrioritySettings {
    vipDomains = vipDomains == null ? List.of() : List.copyOf(vipDomains);
    urgentKeywords = urgentKeywords == null ? List.of() : List.copyOf(urgentKeywords);
    vipCustomerTiers = vipCustomerTiers == null ? List.of() : List.copyOf(vipCustomerTiers);
  }

  /**
   * Model settings of one tier; null fields keep the tenant's.
   *
   * @param model Gemini model name
   * @param maxOutputTokens upper bound on one reply's tokens
   * @param tone tone word
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TierSettings(String model, Integer maxOutputTokens, String tone) {
  }
}
