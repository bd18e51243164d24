package dev.autoreply.worker.pubsub;

import dev.autoreply.worker.gmail.GmailNotification;

/**
 * Processes one Gmail push notification. Returning acknowledges the Pub/Sub message; throwing
 * makes Pub/Sub deliver it again, so the handler must tolerate repeats.
 */
@FunctionalInterface
public interface NotificationHandler {

  void handle(GmailNotification notification) throws Exception;
}
