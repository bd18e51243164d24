package dev.autoreply.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules that put a mail in a priority tier: urgent keywords make it urgent; a VIP customer tier,
 * a VIP sender domain or a reply in an existing thread make it high.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PrioritySpec {

  @JsonPropertyDescription("Sender domains whose mail is high priority, subdomains included.")
  private List<String> vipDomains = new ArrayList<>();

  @JsonPropertyDescription("Words or phrases that make a mail urgent when its subject or body has them.")
  private List<String> urgentKeywords = new ArrayList<>();

  @JsonPropertyDescription("Customer tiers, from the customer directory, whose mail is high priority.")
  private List<String> vipCustomerTiers = new ArrayList<>();

  @JsonPropertyDescription("Whether replies in an existing thread are high priority.")
  private Boolean threadRepliesFirst;

  @JsonPropertyDescription("Model settings of urgent mail.")
  private TierOverrideSpec urgent;

  @JsonPropertyDescription("Model settings of high-priority mail.")
  private TierOverrideSpec high;

  public List<String> getVipDomains() {
    return vipDomains;
  }

  public void setVipDomains(List<String> vipDomains) {
    this.vipDomains = vipDomains;
  }

  public List<String> getUrgentKeywords() {
    return urgentKeywords;
  }

  public void setUrgentKeywords(List<String> urgentKeywords) {
    this.urgentKeywords = urgentKeywords;
  }

  public List<String> getVipCustomerTiers() {
    return vipCustomerTiers;
  }

  public void setVipCustomerTiers(List<String> vipCustomerTiers) {
    this.vipCustomerTiers = vipCustomerTiers;
  }

  public Boolean getThreadRepliesFirst() {
    return threadRepliesFirst;
  }

  public void setThreadRepliesFirst(Boolean threadRepliesFirst) {
    this.threadRepliesFirst = threadRepliesFirst;
  }

  public TierOverrideSpec getUrgent() {
    return urgent;
  }

  public void setUrgent(TierOverrideSpec urgent) {
    this.urgent = urgent;
  }

  public TierOverrideSpec getHigh() {
    return high;
  }

  public void setHigh(TierOverrideSpec high) {
    this.high = high;
  }
}
