package dev.autoreply.worker.pubsub;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.cloud.pubsub.v1.AckReplyConsumerWithResponse;
import com.google.cloud.pubsub.v1.AckResponse;
import com.google.cloud.pubsub.v1.MessageReceiverWithAckResponse;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.pubsub.v1.PubsubMessage;
import dev.autoreply.worker.gmail.GmailNotification;
import dev.autoreply.worker.gmail.MalformedNotificationException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses each Pub/Sub message into a {@link GmailNotification}, calls the handler with it, and
 * acks when the handler returns, nacks when it throws, and acks a malformed payload. Every ack
 * and nack goes through the ack-with-response API, so that on a subscription with exactly-once
 * delivery an ack that Pub/Sub rejects is logged and reported to the {@link AckFailureListener}.
 */
final class NotificationReceiver implements MessageReceiverWithAckResponse {

  private static final Logger log = LoggerFactory.getLogger(NotificationReceiver.class);

  private final String subscription;
  private final NotificationHandler handler;
  private final MalformedNotificationListener malformedListener;
  private final AckFailureListener ackFailureListener;
  private final AtomicLong malformedCount = new AtomicLong();
  private final AtomicLong ackFailureCount = new AtomicLong();

  NotificationReceiver(
      String subscription,
      NotificationHandler handler,
      MalformedNotificationListener malformedListener,
      AckFailureListener ackFailureListener) {
    this.subscription = subscription;
    this.handler = handler;
    this.malformedListener = malformedListener;
    this.ackFailureListener = ackFailureListener;
  }

  @Override
  public void receiveMessage(PubsubMessage message, AckReplyConsumerWithResponse consumer) {
    GmailNotification notification;
    try {
      notification = GmailNotification.parse(message.getData().toByteArray());
    } catch (MalformedNotificationException malformed) {
      rejectMalformed(message.getMessageId(), malformed, consumer);
      return;
    }
    handle(message.getMessageId(), notification, consumer);
  }

  long malformedCount() {
    return malformedCount.get();
  }

  long ackFailureCount() {
    return ackFailureCount.get();
  }

  private void handle(
      String messageId, GmailNotification notification, AckReplyConsumerWithResponse consumer) {
    try {
      handler.handle(notification);
    } catch (Exception error) {
      log.warn("Notification handler failed for Pub/Sub message {} of mailbox {} at history id {};"
              + " nacked for redelivery",
          messageId, notification.emailAddress(), notification.historyId(), error);
      watch(messageId, "nack", consumer.nack());
      return;
    }
    watch(messageId, "ack", consumer.ack());
  }

  // A malformed payload fails the same way on every delivery, so it is acked instead of
  // nacked: a nack would make Pub/Sub redeliver it until the message expires.
  private void rejectMalformed(
      String messageId, MalformedNotificationException malformed, AckReplyConsumerWithResponse consumer) {
    long total = malformedCount.incrementAndGet();
    log.warn("Pub/Sub message {} on {} is not a Gmail notification ({} so far); acked and dropped:"
        + " {}", messageId, subscription, total, malformed.getMessage());
    try {
      malformedListener.onMalformed(messageId, malformed);
    } catch (RuntimeException listenerError) {
      log.error("Malformed-notification listener failed for Pub/Sub message {}", messageId,
          listenerError);
    }
    watch(messageId, "ack", consumer.ack());
  }

  /** Reports the response of an ack or nack once Pub/Sub sends it, without blocking the handler. */
  private void watch(String messageId, String operation, ApiFuture<AckResponse> response) {
    ApiFutures.addCallback(response, new ApiFutureCallback<>() {
      @Override
      public void onSuccess(AckResponse result) {
        if (result != AckResponse.SUCCESSFUL) {
          reportAckFailure(messageId, operation, result, null);
        }
      }

      @Override
      public void onFailure(Throwable error) {
        reportAckFailure(messageId, operation, AckResponse.OTHER, error);
      }
    }, MoreExecutors.directExecutor());
  }

  private void reportAckFailure(
      String messageId, String operation, AckResponse response, Throwable error) {
    long total = ackFailureCount.incrementAndGet();
    log.warn("Pub/Sub did not confirm the {} of message {} on {}: {} ({} so far); the message"
        + " may be delivered again", operation, messageId, subscription, response, total, error);
    try {
      ackFailureListener.onAckFailure(messageId, operation, response);
    } catch (RuntimeException listenerError) {
      log.error("Ack-failure listener failed for Pub/Sub message {}", messageId, listenerError);
    }
  }
}
