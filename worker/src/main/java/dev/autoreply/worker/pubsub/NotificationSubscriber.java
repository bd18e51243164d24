package dev.autoreply.worker.pubsub;

import com.google.api.core.ApiService;
import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.batching.FlowController;
import com.google.api.gax.core.InstantiatingExecutorProvider;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams Gmail push notifications from a Pub/Sub subscription to a {@link NotificationHandler}.
 * Acks when the handler returns, nacks when it throws so that Pub/Sub redelivers with the
 * subscription's retry policy, and acks malformed payloads after reporting them to the {@link
 * MalformedNotificationListener}. Acks and nacks that Pub/Sub does not confirm (possible on
 * subscriptions with exactly-once delivery) go to the {@link AckFailureListener}.
 */
public final class NotificationSubscriber {

  private static final Logger log = LoggerFactory.getLogger(NotificationSubscriber.class);

  private final NotificationSubscriberConfig config;
  private final NotificationReceiver receiver;
  private Subscriber subscriber;

  public NotificationSubscriber(
      NotificationSubscriberConfig config,
      NotificationHandler handler,
      MalformedNotificationListener malformedListener,
      AckFailureListener ackFailureListener) {
    this.config = Objects.requireNonNull(config, "config");
    this.receiver = new NotificationReceiver(config.subscription(),
        Objects.requireNonNull(handler, "handler"),
        Objects.requireNonNull(malformedListener, "malformedListener"),
        Objects.requireNonNull(ackFailureListener, "ackFailureListener"));
  }

  /** Creates a subscriber whose unconfirmed acks are only logged. */
  public NotificationSubscriber(
      NotificationSubscriberConfig config,
      NotificationHandler handler,
      MalformedNotificationListener malformedListener) {
    this(config, handler, malformedListener, (messageId, operation, response) -> { });
  }

  /** Creates a subscriber whose malformed payloads are only logged and counted. */
  public NotificationSubscriber(NotificationSubscriberConfig config, NotificationHandler handler) {
    this(config, handler, (messageId, error) -> { });
  }

  /**
   * Opens the streaming pulls and returns once they run. An instance starts at most once.
   *
   * @throws IllegalStateException if start was already called, or the subscriber failed to start
   */
  public synchronized void start() {
    if (subscriber != null) {
      throw new IllegalStateException("subscriber of " + config.subscription() + " already started");
    }
    subscriber = buildSubscriber();
    subscriber.addListener(new FailureLogger(config.subscription()),
        MoreExecutors.directExecutor());
    log.info("Starting Pub/Sub subscriber of {} via {}", config.subscription(), config.transport());
    try {
      subscriber.startAsync().awaitRunning();
    } catch (IllegalStateException failed) {
      log.error("Pub/Sub subscriber of {} failed to start", config.subscription(), failed);
      throw failed;
    }
    log.info("Pub/Sub subscriber of {} is running", config.subscription());
  }

  /**
   * Stops pulling and waits up to the configured shutdown timeout for running handlers.
   *
   * @return true if the subscriber stopped within the timeout, or was never started
   */
  public synchronized boolean stop() {
    if (subscriber == null) {
      return true;
    }
    log.info("Stopping Pub/Sub subscriber of {}", config.subscription());
    try {
      subscriber.stopAsync().awaitTerminated(
          config.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
      log.info("Pub/Sub subscriber of {} stopped", config.subscription());
      return true;
    } catch (TimeoutException e) {
      log.warn("Pub/Sub subscriber of {} did not stop within {}", config.subscription(),
          config.shutdownTimeout(), e);
      return false;
    } catch (IllegalStateException failed) {
      log.warn("Pub/Sub subscriber of {} had failed before stop", config.subscription(), failed);
      return true;
    }
  }

  public synchronized boolean isRunning() {
    return subscriber != null && subscriber.isRunning();
  }

  public NotificationSubscriberConfig config() {
    return config;
  }

  /**
   * Returns the flow control settings of the running subscriber, which the client also sends to
   * Pub/Sub in each StreamingPullRequest.
   *
   * @throws IllegalStateException before {@link #start()}
   */
  public synchronized FlowControlSettings flowControlSettings() {
    if (subscriber == null) {
      throw new IllegalStateException("subscriber of " + config.subscription() + " is not started");
    }
    return subscriber.getFlowControlSettings();
  }

  /** Returns how many acks and nacks Pub/Sub did not confirm since construction. */
  public long ackFailureCount() {
    return receiver.ackFailureCount();
  }

  /** Returns how many malformed payloads were acked and dropped since construction. */
  public long malformedCount() {
    return receiver.malformedCount();
  }

  private Subscriber buildSubscriber() {
    Subscriber.Builder builder = Subscriber.newBuilder(config.subscription(), receiver)
        .setFlowControlSettings(FlowControlSettings.newBuilder()
            .setMaxOutstandingElementCount(config.maxOutstandingMessages())
            .setMaxOutstandingRequestBytes(config.maxOutstandingBytes())
            .setLimitExceededBehavior(FlowController.LimitExceededBehavior.Block)
            .build())
        .setParallelPullCount(config.parallelPullCount())
        .setMaxAckExtensionPeriodDuration(config.maxAckExtension())
        .setExecutorProvider(InstantiatingExecutorProvider.newBuilder()
            .setExecutorThreadCount(config.handlerThreads())
            .build());
    config.transport().configure(builder);
    return builder.build();
  }

  /** Logs a subscriber that fails, e.g. because the subscription does not exist. */
  private static final class FailureLogger extends ApiService.Listener {

    private final String subscription;

    FailureLogger(String subscription) {
      this.subscription = subscription;
    }

    @Override
    public void failed(ApiService.State from, Throwable failure) {
      log.error("Pub/Sub subscriber of {} failed in state {}", subscription, from, failure);
    }
  }
}
