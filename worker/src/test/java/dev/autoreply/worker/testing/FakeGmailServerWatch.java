package dev.autoreply.worker.testing;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * One users.watch call that {@link FakeGmailServer} accepted.
 *
 * @param topicName the Pub/Sub topic of the request
 * @param labelIds the label ids of the request, empty when it had none
 * @param labelFilterBehavior INCLUDE or EXCLUDE, or null when the request had none
 * @param historyId the history id the server returned
 * @param expiration the expiration the server returned, 7 days after the call
 */
public record FakeGmailServerWatch(String topicName, List<String> labelIds,
    String labelFilterBehavior, BigInteger historyId, Instant expiration) {

  public FakeGmailServerWatch {
    labelIds = List.copyOf(labelIds);
  }
}
