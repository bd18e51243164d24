package dev.autoreply.worker.priority;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PriorityClassifierTest {

  private static final String TENANT = "shop-a/support";
  private static final PriorityRules RULES = new PriorityRules(
      Set.of("bigcorp.example", "@partner.example"),
      Set.of("urgent", "outage", "as soon as possible"),
      Set.of("vip", "Gold"),
      true);

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final PriorityClassifier classifier = new PriorityClassifier(RULES, registry);

  @Test
  void noRuleMatchedIsNormal() {
    PriorityDecision decision = classifier.decide(request("jonas@example.org", "Question", "Hi", false, ""));

    assertThat(decision).isEqualTo(new PriorityDecision(PriorityTier.NORMAL, PriorityReason.DEFAULT));
  }

  @Test
  void keywordInSubjectIsUrgent() {
    PriorityDecision decision = classifier.decide(request("jonas@example.org", "URGENT: login", "Hi", false, ""));

    assertThat(decision).isEqualTo(new PriorityDecision(PriorityTier.URGENT, PriorityReason.URGENT_KEYWORD));
  }

  @Test
  void keywordInBodyIsUrgent() {
    PriorityDecision decision = classifier.decide(
        request("jonas@example.org", "Shop", "We have an Outage since 9:00.", false, ""));

    assertThat(decision.tier()).isEqualTo(PriorityTier.URGENT);
  }

  @Test
  void phraseMatchesAcrossLineBreak() {
    PriorityDecision decision = classifier.decide(
        request("jonas@example.org", "Refund", "Please answer as soon\nas possible.", false, ""));

    assertThat(decision.tier()).isEqualTo(PriorityTier.URGENT);
  }

  @Test
  void keywordInsideLongerWordDoesNotMatch() {
    PriorityDecision decision = classifier.decide(
        request("jonas@example.org", "Not urgently needed", "Nonurgent question", false, ""));

    assertThat(decision.tier()).isEqualTo(PriorityTier.NORMAL);
  }

  @Test
  void keywordInQuotedLineIgnored() {
    PriorityDecision decision = classifier.decide(request("jonas@example.org", "Re: Shop",
        "Thanks, all fine now.\n\n> We have an urgent problem.", false, ""));

    assertThat(decision.tier()).isEqualTo(PriorityTier.NORMAL);
  }

  @Test
  void vipTierIsHigh() {
    PriorityDecision decision = classifier.decide(request("jonas@example.org", "Question", "Hi", false, "GOLD"));

    assertThat(decision).isEqualTo(new PriorityDecision(PriorityTier.HIGH, PriorityReason.VIP_CUSTOMER));
  }

  @Test
  void otherTierIsNormal() {
    PriorityDecision decision = classifier.decide(request("jonas@example.org", "Question", "Hi", false, "standard"));

    assertThat(decision.tier()).isEqualTo(PriorityTier.NORMAL);
  }

  @Test
  void vipDomainIsHigh() {
    PriorityDecision decision = classifier.decide(request("Ceo@BigCorp.example", "Question", "Hi", false, ""));

    assertThat(decision).isEqualTo(new PriorityDecision(PriorityTier.HIGH, PriorityReason.VIP_DOMAIN));
  }

  @Test
  void vipSubdomainIsHigh() {
    PriorityDecision decision = classifier.decide(request("it@eu.partner.example", "Question", "Hi", false, ""));

    assertThat(decision.reason()).isEqualTo(PriorityReason.VIP_DOMAIN);
  }

  @Test
  void lookalikeDomainIsNormal() {
    PriorityDecision decision = classifier.decide(request("a@notbigcorp.example", "Question", "Hi", false, ""));

    assertThat(decision.tier()).isEqualTo(PriorityTier.NORMAL);
  }

  @Test
  void threadReplyIsHigh() {
    PriorityDecision decision = classifier.decide(request("jonas@example.org", "Re: Question", "Hi", true, ""));

    assertThat(decision).isEqualTo(new PriorityDecision(PriorityTier.HIGH, PriorityReason.THREAD_REPLY));
  }

  @Test
  void threadReplyNormalWhenRuleOff() {
    PriorityClassifier off = new PriorityClassifier(
        new PriorityRules(Set.of(), Set.of(), Set.of(), false), registry);

    PriorityDecision decision = off.decide(request("jonas@example.org", "Re: Question", "Hi", true, ""));

    assertThat(decision).isEqualTo(new PriorityDecision(PriorityTier.NORMAL, PriorityReason.DEFAULT));
  }

  @Test
  void keywordBeatsVipCustomer() {
    PriorityDecision decision = classifier.decide(request("ceo@bigcorp.example", "Urgent", "Hi", true, "vip"));

    assertThat(decision).isEqualTo(new PriorityDecision(PriorityTier.URGENT, PriorityReason.URGENT_KEYWORD));
  }

  @Test
  void vipCustomerBeatsVipDomain() {
    PriorityDecision decision = classifier.decide(request("ceo@bigcorp.example", "Question", "Hi", true, "vip"));

    assertThat(decision.reason()).isEqualTo(PriorityReason.VIP_CUSTOMER);
  }

  @Test
  void vipDomainBeatsThreadReply() {
    PriorityDecision decision = classifier.decide(request("ceo@bigcorp.example", "Re: Question", "Hi", true, ""));

    assertThat(decision.reason()).isEqualTo(PriorityReason.VIP_DOMAIN);
  }

  @Test
  void noRulesMakeEverythingNormal() {
    PriorityClassifier none = new PriorityClassifier(PriorityRules.none(), registry);

    PriorityDecision decision = none.decide(request("ceo@bigcorp.example", "URGENT", "outage", true, "vip"));

    assertThat(decision).isEqualTo(new PriorityDecision(PriorityTier.NORMAL, PriorityReason.DEFAULT));
  }

  @Test
  void senderWithoutDomainIsNormal() {
    PriorityDecision decision = classifier.decide(request("", "Question", "Hi", false, ""));

    assertThat(decision.tier()).isEqualTo(PriorityTier.NORMAL);
  }

  @Test
  void classifyCountsDecisions() {
    classifier.classify(request("jonas@example.org", "Urgent", "Hi", false, ""));
    classifier.classify(request("jonas@example.org", "Urgent", "Hi", false, ""));
    classifier.classify(request("jonas@example.org", "Question", "Hi", false, ""));

    String scrape = registry.scrape();

    assertThat(scrape).contains("autoreply_priority_total{reason=\"urgent_keyword\","
        + "tenant=\"shop-a/support\",tier=\"urgent\"} 2.0\n");
    assertThat(scrape).contains("autoreply_priority_total{reason=\"default\","
        + "tenant=\"shop-a/support\",tier=\"normal\"} 1.0\n");
  }

  private static PriorityRequest request(String sender, String subject, String body,
      boolean threadReply, String customerTier) {
    return new PriorityRequest(TENANT, "18f0a1", sender, subject, body, threadReply, customerTier);
  }
}
