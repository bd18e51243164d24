package dev.autoreply.worker.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerMetricsTest {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final WorkerMetrics metrics = new WorkerMetrics(registry, "shop-a/support");

  @Test
  void messageCounterLines() {
    metrics.countMessage(MessageOutcome.REPLIED, "");
    metrics.countMessage(MessageOutcome.REPLIED, "");
    metrics.countMessage(MessageOutcome.SKIPPED, "auto_submitted");
    metrics.countMessage(MessageOutcome.DUPLICATE, "ledger");

    String scrape = registry.scrape();

    assertThat(scrape).contains(
        "autoreply_messages_total{outcome=\"replied\",reason=\"none\",tenant=\"shop-a/support\"} 2.0\n");
    assertThat(scrape).contains(
        "autoreply_messages_total{outcome=\"skipped\",reason=\"auto_submitted\",tenant=\"shop-a/support\"} 1.0\n");
    assertThat(scrape).contains(
        "autoreply_messages_total{outcome=\"duplicate\",reason=\"ledger\",tenant=\"shop-a/support\"} 1.0\n");
    assertThat(scrape).contains("# TYPE autoreply_messages_total counter\n");
  }

  @Test
  void tokenCounterLines() {
    metrics.countModelTokens("gemini-2.5-flash", 300, 40);
    metrics.countModelTokens("gemini-2.5-flash", 20, 2);

    String scrape = registry.scrape();

    assertThat(scrape).contains("autoreply_model_tokens_total{kind=\"prompt\",model=\"gemini-2.5-flash\","
        + "tenant=\"shop-a/support\"} 320.0\n");
    assertThat(scrape).contains("autoreply_model_tokens_total{kind=\"output\",model=\"gemini-2.5-flash\","
        + "tenant=\"shop-a/support\"} 42.0\n");
  }

  @Test
  void notificationCounterLines() {
    metrics.countNotification("processed");
    metrics.countNotification("ignored");
    metrics.countNotification("processed");

    String scrape = registry.scrape();

    assertThat(scrape).contains(
        "autoreply_notifications_total{result=\"processed\",tenant=\"shop-a/support\"} 2.0\n");
    assertThat(scrape).contains(
        "autoreply_notifications_total{result=\"ignored\",tenant=\"shop-a/support\"} 1.0\n");
  }

  @Test
  void latencyHistogramLines() {
    metrics.recordReplyLatency(Duration.ofMillis(1500));
    metrics.recordReplyLatency(Duration.ofMillis(500));

    String scrape = registry.scrape();

    assertThat(scrape).contains("# TYPE autoreply_reply_latency_seconds histogram\n");
    assertThat(scrape).contains(
        "autoreply_reply_latency_seconds_count{tenant=\"shop-a/support\"} 2\n");
    assertThat(scrape).contains(
        "autoreply_reply_latency_seconds_sum{tenant=\"shop-a/support\"} 2.0\n");
    assertThat(scrape).contains(
        "autoreply_reply_latency_seconds_bucket{tenant=\"shop-a/support\",le=\"+Inf\"} 2\n");
  }

  @Test
  void malformedReasonBecomesOther() {
    metrics.countMessage(MessageOutcome.FAILED, "Free text with spaces");

    assertThat(registry.scrape()).contains(
        "autoreply_messages_total{outcome=\"failed\",reason=\"other\",tenant=\"shop-a/support\"} 1.0\n");
  }

  @Test
  void reasonValuesAreBounded() {
    for (int i = 0; i < WorkerMetrics.MAX_DISTINCT_VALUES + 10; i++) {
      metrics.countMessage(MessageOutcome.SKIPPED, "reason_" + i);
    }

    String scrape = registry.scrape();

    assertThat(scrape).contains("reason=\"reason_49\"");
    assertThat(scrape).doesNotContain("reason=\"reason_50\"");
    assertThat(scrape).contains(
        "autoreply_messages_total{outcome=\"skipped\",reason=\"other\",tenant=\"shop-a/support\"} 10.0\n");
  }
}
