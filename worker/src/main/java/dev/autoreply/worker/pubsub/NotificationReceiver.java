package dev.autoreply.worker.pubsub;

import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.pubsub.v1.PubsubMessage;
import dev.autoreply.worker.gmail.GmailNotification;
import dev.autoreply.worker.gmail.MalformedNotificationException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses each Pub/Sub message into a {@link GmailNotification}, calls the handler with it, and
 * acks when the handler returns, nacks when it throws, and acks a malformed payload.
 */
final class NotificationReceiver implements MessageReceiver {

  private static final Logger log = LoggerFactory.getLogger(NotificationReceiver.class);

  private final String subscription;
  private final NotificationHandler handler;
  private final MalformedNotificationListener malformedListener;
  private final AtomicLong malformedCount = new AtomicLong();

  NotificationReceiver(
      String subscription,
      NotificationHandler handler,
      MalformedNotificationListener malformedListener) {
    this.subscription = subscription;
    this.handler = handler;
    this.malformedListener = malformedListener;
  }

  @Override
  public void receiveMessage(PubsubMessage message, AckReplyConsumer consumer) {
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

  private void handle(
      String messageId, GmailNotification notification, AckReplyConsumer consumer) {
    try {
      handler.handle(notification);
    } catch (Exception error) {
      log.warn("Notification handler failed for Pub/Sub message {} of mailbox {} at history id {};"
              + " nacked for redelivery",
          messageId, notification.emailAddress(), notification.historyId(), error);
      consumer.nack();
      return;
    }
    consumer.ack();
  }

  // A malformed payload fails the same way on every delivery, so it is acked instead of
  // nacked: a nack would make Pub/Sub redeliver it until the message expires.
  private void rejectMalformed(
      String messageId, MalformedNotificationException malformed, AckReplyConsumer consumer) {
    long total = malformedCount.incrementAndGet();
    log.warn("Pub/Sub message {} on {} is not a Gmail notification ({} so far); acked and dropped:"
        + " {}", messageId, subscription, total, malformed.getMessage());
    try {
      malformedListener.onMalformed(messageId, malformed);
    } catch (RuntimeException listenerError) {
      log.error("Malformed-notification listener failed for Pub/Sub message {}", messageId,
          listenerError);
    }
    consumer.ack();
  }
}
