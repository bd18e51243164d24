package dev.autoreply.worker.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;

/**
 * Meters of the worker. With a Prometheus registry they are scraped as:
 *
 * <ul>
 *   <li>{@code autoreply_messages_total{tenant,outcome,reason}}: messages by outcome
 *   <li>{@code autoreply_reply_latency_seconds{tenant}}: histogram from notification to sent reply
 *   <li>{@code autoreply_model_tokens_total{tenant,model,kind}}: model tokens, kind prompt or output
 *   <li>{@code autoreply_notifications_total{tenant,result}}: Gmail push notifications by result
 *   <li>{@code autoreply_ledger_errors_total{tenant,operation}}: failed ledger calls by operation
 *   <li>{@code autoreply_pubsub_ack_failures_total{tenant,operation,response}}: acks and nacks
 *       that Pub/Sub did not confirm
 * </ul>
 *
 * Reason, model and result values must be short codes such as {@code auto_submitted}; each
 * label keeps at most 50 distinct values and reports others as "other".
 */
public final class WorkerMetrics {

  static final int MAX_DISTINCT_VALUES = 50;

  private final MeterRegistry registry;
  private final String tenant;
  private final LabelValues reasons = new LabelValues(MAX_DISTINCT_VALUES);
  private final LabelValues models = new LabelValues(MAX_DISTINCT_VALUES);
  private final LabelValues results = new LabelValues(MAX_DISTINCT_VALUES);
  private final LabelValues operations = new LabelValues(MAX_DISTINCT_VALUES);
  private final Timer replyLatency;

  /** Creates the meters of one tenant's worker; {@code tenant} is "namespace/name". */
  public WorkerMetrics(MeterRegistry registry, String tenant) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.replyLatency = Timer.builder("autoreply.reply.latency")
        .description("Time from the Gmail notification to the sent reply")
        .tag("tenant", tenant)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(100))
        .maximumExpectedValue(Duration.ofMinutes(10))
        .register(registry);
  }

  /** Counts one message that reached {@code outcome}, with a reason code such as "loop_header". */
  public void countMessage(MessageOutcome outcome, String reason) {
    Counter.builder("autoreply.messages")
        .description("Messages processed, by outcome and reason")
        .tag("tenant", tenant)
        .tag("outcome", outcome.labelValue())
        .tag("reason", reasons.bound(reason))
        .register(registry)
        .increment();
  }

  /** Records the time from the Gmail notification to the sent reply. */
  public void recordReplyLatency(Duration latency) {
    replyLatency.record(latency);
  }

  /** Adds the prompt and output tokens of one model call. */
  public void countModelTokens(String model, long promptTokens, long outputTokens) {
    String modelLabel = models.bound(model);
    tokens(modelLabel, "prompt").increment(promptTokens);
    tokens(modelLabel, "output").increment(outputTokens);
  }

  /** Counts one Gmail push notification with a result code such as "processed" or "ignored". */
  public void countNotification(String result) {
    Counter.builder("autoreply.notifications")
        .description("Gmail push notifications received, by result")
        .tag("tenant", tenant)
        .tag("result", results.bound(result))
        .register(registry)
        .increment();
  }

  /**
   * Counts one ledger call that failed, with an operation code such as "claim" or
   * "record_outcome".
   */
  public void countLedgerError(String operation) {
    Counter.builder("autoreply.ledger.errors")
        .description("Ledger calls that failed, by operation")
        .tag("tenant", tenant)
        .tag("operation", operations.bound(operation))
        .register(registry)
        .increment();
  }

  /**
   * Counts one ack or nack that Pub/Sub did not confirm; {@code response} is the name of the
   * client's AckResponse, such as "INVALID".
   */
  public void countAckFailure(String operation, String response) {
    Counter.builder("autoreply.pubsub.ack.failures")
        .description("Pub/Sub acks and nacks that Pub/Sub did not confirm, by response")
        .tag("tenant", tenant)
        .tag("operation", operations.bound(operation))
        .tag("response", results.bound(response.toLowerCase(java.util.Locale.ROOT)))
        .register(registry)
        .increment();
  }

  private Counter tokens(String model, String kind) {
    return Counter.builder("autoreply.model.tokens")
        .description("Tokens used by the model, by kind (prompt or output)")
        .tag("tenant", tenant)
        .tag("model", model)
        .tag("kind", kind)
        .register(registry);
  }
}
