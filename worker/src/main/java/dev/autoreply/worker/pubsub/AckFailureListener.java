package dev.autoreply.worker.pubsub;

import com.google.cloud.pubsub.v1.AckResponse;

/**
 * Receives each ack or nack that Pub/Sub did not confirm. On a subscription with exactly-once
 * delivery a failed ack means that Pub/Sub delivers the message again; without exactly-once
 * delivery the client reports every ack as successful.
 */
@FunctionalInterface
public interface AckFailureListener {

  /**
   * @param operation "ack" or "nack"
   * @param response the response other than {@link AckResponse#SUCCESSFUL}, or {@link
   *     AckResponse#OTHER} when the response future itself failed
   */
  void onAckFailure(String pubsubMessageId, String operation, AckResponse response);
}
