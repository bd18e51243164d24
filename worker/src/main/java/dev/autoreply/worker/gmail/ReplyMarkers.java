package dev.autoreply.worker.gmail;

import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.MessagePartHeader;
import com.google.api.services.gmail.model.Thread;

/** Finds the marker header of the worker's replies in a thread read with format=metadata. */
final class ReplyMarkers {

  private ReplyMarkers() {
  }

  /**
   * Returns true when a message of {@code thread} has the header {@code name} with the value
   * {@code messageId}. Header names match without case, as RFC 5322 defines them, and Message-ID
   * values match with or without the angle brackets and surrounding white space.
   */
  static boolean anyCarries(Thread thread, String name, String messageId) {
    if (thread.getMessages() == null) {
      return false;
    }
    String wanted = bareMessageId(messageId);
    for (Message message : thread.getMessages()) {
      if (message.getPayload() == null || message.getPayload().getHeaders() == null) {
        continue;
      }
      for (MessagePartHeader header : message.getPayload().getHeaders()) {
        if (name.equalsIgnoreCase(header.getName()) && header.getValue() != null
            && wanted.equals(bareMessageId(header.getValue()))) {
          return true;
        }
      }
    }
    return false;
  }

  private static String bareMessageId(String value) {
    String trimmed = value.strip();
    if (trimmed.length() >= 2 && trimmed.startsWith("<") && trimmed.endsWith(">")) {
      return trimmed.substring(1, trimmed.length() - 1).strip();
    }
    return trimmed;
  }
}
