package dev.autoreply.worker.gmail;

import java.io.IOException;

/** Raised when Gmail returns 404 for a message id, e.g. because the message was deleted. */
public final class MessageNotFoundException extends IOException {

  private final String mailbox;
  private final String messageId;

  public MessageNotFoundException(String mailbox, String messageId, Throwable cause) {
    super("Gmail message " + messageId + " not found in mailbox " + mailbox, cause);
    this.mailbox = mailbox;
    this.messageId = messageId;
  }

  public String mailbox() {
    return mailbox;
  }

  public String messageId() {
    return messageId;
  }
}
