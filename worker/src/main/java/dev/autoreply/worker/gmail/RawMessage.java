package dev.autoreply.worker.gmail;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One message as Gmail stores it, fetched with format=RAW.
 *
 * @param id Gmail message id
 * @param threadId Gmail thread id
 * @param rfc822 the full RFC 822 message, decoded from base64url
 * @param labelIds Gmail label ids, e.g. INBOX, UNREAD, SENT
 */
public record RawMessage(String id, String threadId, byte[] rfc822, List<String> labelIds) {

  public RawMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(threadId, "threadId");
    rfc822 = rfc822.clone();
    labelIds = List.copyOf(labelIds);
  }

  /** Returns a copy of the message bytes, so callers cannot change this record. */
  @Override
  public byte[] rfc822() {
    return rfc822.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RawMessage that
        && id.equals(that.id)
        && threadId.equals(that.threadId)
        && Arrays.equals(rfc822, that.rfc822)
        && labelIds.equals(that.labelIds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, threadId, Arrays.hashCode(rfc822), labelIds);
  }

  @Override
  public String toString() {
    return "RawMessage[id=" + id + ", threadId=" + threadId + ", bytes=" + rfc822.length
        + ", labelIds=" + labelIds + "]";
  }
}
