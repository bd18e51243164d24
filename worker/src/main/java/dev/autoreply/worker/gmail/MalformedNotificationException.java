package dev.autoreply.worker.gmail;

/** Raised for a Gmail push notification payload that is not valid; the message names the value. */
public final class MalformedNotificationException extends IllegalArgumentException {

  public MalformedNotificationException(String message) {
    super(message);
  }

  public MalformedNotificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
