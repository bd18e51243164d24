package dev.autoreply.worker.pubsub;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link NotificationSubscriber}.
 *
 * @param subscription full subscription name, projects/PROJECT/subscriptions/NAME
 * @param maxOutstandingMessages messages handed to handlers and not yet acked, at most
 * @param maxOutstandingBytes payload bytes handed to handlers and not yet acked, at most
 * @param parallelPullCount streaming pull connections to Pub/Sub
 * @param handlerThreads threads that run the handler
 * @param maxAckExtension time for which the client keeps extending a message's ack deadline
 *     while its handler runs; after that Pub/Sub may deliver it again
 * @param shutdownTimeout time that {@link NotificationSubscriber#stop()} waits for running
 *     handlers
 * @param transport endpoint and credentials of Pub/Sub
 */
public record NotificationSubscriberConfig(
    String subscription,
    long maxOutstandingMessages,
    long maxOutstandingBytes,
    int parallelPullCount,
    int handlerThreads,
    Duration maxAckExtension,
    Duration shutdownTimeout,
    SubscriberTransport transport) {

  public NotificationSubscriberConfig {
    Objects.requireNonNull(subscription, "subscription");
    if (!subscription.matches("projects/[^/]+/subscriptions/[^/]+")) {
      throw new IllegalArgumentException("subscription must be projects/PROJECT/subscriptions/NAME,"
          + " got '" + subscription + "'");
    }
    requirePositive(maxOutstandingMessages, "maxOutstandingMessages");
    requirePositive(maxOutstandingBytes, "maxOutstandingBytes");
    requirePositive(parallelPullCount, "parallelPullCount");
    requirePositive(handlerThreads, "handlerThreads");
    Objects.requireNonNull(maxAckExtension, "maxAckExtension");
    Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    Objects.requireNonNull(transport, "transport");
  }

  /**
   * Returns settings for production: 100 messages or 10 MiB outstanding, one pull stream, 8
   * handler threads, ack deadline extended for up to 10 minutes, 30 s to stop.
   */
  public static NotificationSubscriberConfig defaults(
      String subscription, SubscriberTransport transport) {
    return new NotificationSubscriberConfig(subscription, 100, 10L * 1024 * 1024, 1, 8,
        Duration.ofMinutes(10), Duration.ofSeconds(30), transport);
  }

  private static void requirePositive(long value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }
}
