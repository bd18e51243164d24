package dev.autoreply.worker.pipeline;

import java.time.Instant;
import java.util.Objects;

/**
 * One mail to decide on: its Gmail ids, raw bytes, and when its notification arrived, which is
 * where the reply latency is measured from.
 */
public record IncomingMessage(
    String mailbox, String messageId, String threadId, byte[] rfc822, Instant notifiedAt) {

  public IncomingMessage {
    Objects.requireNonNull(mailbox, "mailbox");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(threadId, "threadId");
    Objects.requireNonNull(rfc822, "rfc822");
    Objects.requireNonNull(notifiedAt, "notifiedAt");
  }
}
