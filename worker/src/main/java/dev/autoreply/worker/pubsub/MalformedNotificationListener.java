package dev.autoreply.worker.pubsub;

import dev.autoreply.worker.gmail.MalformedNotificationException;

/** Receives each Pub/Sub message whose payload is not a Gmail notification, e.g. to count it. */
@FunctionalInterface
public interface MalformedNotificationListener {

  void onMalformed(String pubsubMessageId, MalformedNotificationException error);
}
