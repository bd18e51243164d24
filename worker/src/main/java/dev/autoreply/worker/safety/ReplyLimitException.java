package dev.autoreply.worker.safety;

/**
 * Raised when {@link SenderReplyLimiter} cannot read or write its Firestore document. Whether a
 * reply is allowed is then unknown, so the caller should send nothing and leave the message for
 * redelivery.
 */
public class ReplyLimitException extends RuntimeException {

  public ReplyLimitException(String message, Throwable cause) {
    super(message, cause);
  }
}
