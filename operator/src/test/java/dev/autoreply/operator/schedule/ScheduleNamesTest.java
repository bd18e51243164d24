package dev.autoreply.operator.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScheduleNamesTest {

  @Test
  void shortCronJobNameKept() {
    assertThat(ScheduleNames.cronJobName("acme", "night", ScheduleBoundary.END))
        .isEqualTo("acme-night-end");
  }

  @Test
  void nameOfExactlyMaxLengthKept() {
    String tenant = "t".repeat(52 - "-peak-start".length());

    assertThat(ScheduleNames.cronJobName(tenant, "peak", ScheduleBoundary.START))
        .isEqualTo(tenant + "-peak-start").hasSize(52);
  }

  @Test
  void truncationDropsDashAtCut() {
    // The cut after 43 characters falls on the dash after the 42-character tenant name.
    String tenant = "a".repeat(42);

    String name = ScheduleNames.cronJobName(tenant, "business-hours", ScheduleBoundary.START);

    assertThat(name).startsWith(tenant + "-").doesNotContain("--");
    assertThat(name).hasSize(51);
    assertThat(name).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  }

  @Test
  void schedulerNameHasSuffix() {
    assertThat(ScheduleNames.schedulerName("acme-support")).isEqualTo("acme-support-scheduler");
  }

  @Test
  void boundaryParsesIgnoringCase() {
    assertThat(ScheduleBoundary.parse("start")).isEqualTo(ScheduleBoundary.START);
    assertThat(ScheduleBoundary.parse("END")).isEqualTo(ScheduleBoundary.END);
    assertThatThrownBy(() -> ScheduleBoundary.parse("middle"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid boundary \"middle\"; use start or end");
  }
}
