package dev.autoreply.worker.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PriorityRulesTest {

  @Test
  void valuesAreNormalized() {
    Set<String> withBlankAndNull = new HashSet<>(Arrays.asList(" @BigCorp.Example ", " ", null));

    PriorityRules rules = new PriorityRules(withBlankAndNull, Set.of(" Urgent "), Set.of("VIP"), true);

    assertThat(rules.vipDomains()).containsExactly("bigcorp.example");
    assertThat(rules.urgentKeywords()).containsExactly("urgent");
    assertThat(rules.vipTiers()).containsExactly("vip");
    assertThat(rules.prioritizeThreadReplies()).isTrue();
  }

  @Test
  void nullSetsAreEmpty() {
    PriorityRules rules = new PriorityRules(null, null, null, false);

    assertThat(rules).isEqualTo(PriorityRules.none());
  }
}
