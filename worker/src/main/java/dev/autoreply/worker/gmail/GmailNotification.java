package dev.autoreply.worker.gmail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Data of one Gmail push notification: the mailbox whose history changed and its history id at
 * that time. Gmail publishes it to Pub/Sub as {@code {"emailAddress": "...", "historyId": N}}.
 *
 * @param emailAddress the mailbox address, lower case
 * @param historyId the mailbox history id when Gmail sent the notification
 */
public record GmailNotification(String emailAddress, BigInteger historyId) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final int MAX_QUOTED_CHARS = 200;

  public GmailNotification {
    Objects.requireNonNull(emailAddress, "emailAddress");
    Objects.requireNonNull(historyId, "historyId");
  }

  /**
   * Parses a notification payload. The historyId may be a JSON number or a string of digits,
   * and the address is lower-cased to match the configured mailboxes.
   *
   * @throws MalformedNotificationException if the payload is not such an object; the message
   *     quotes the invalid value
   */
  public static GmailNotification parse(byte[] json) {
    JsonNode root = readObject(json);
    String emailAddress = parseEmailAddress(root);
    BigInteger historyId = parseHistoryId(root);
    return new GmailNotification(emailAddress, historyId);
  }

  private static JsonNode readObject(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw invalid("payload is not JSON: " + quote(json), e);
    } catch (IOException e) {
      throw invalid("payload could not be read: " + quote(json), e);
    }
    if (root == null || !root.isObject()) {
      throw invalid("expected a JSON object, got " + quote(json));
    }
    return root;
  }

  private static String parseEmailAddress(JsonNode root) {
    JsonNode node = root.get("emailAddress");
    if (node == null || node.isNull()) {
      throw invalid("missing emailAddress in " + truncate(root.toString()));
    }
    if (!node.isTextual() || !node.asText().contains("@") || node.asText().isBlank()) {
      throw invalid("emailAddress " + truncate(node.toString()) + " is not an email address");
    }
    return node.asText().strip().toLowerCase(Locale.ROOT);
  }

  private static BigInteger parseHistoryId(JsonNode root) {
    JsonNode node = root.get("historyId");
    if (node == null || node.isNull()) {
      throw invalid("missing historyId in " + truncate(root.toString()));
    }
    boolean valid = (node.isIntegralNumber() && node.bigIntegerValue().signum() >= 0)
        || (node.isTextual() && DIGITS.matcher(node.asText()).matches());
    if (!valid) {
      throw invalid("historyId " + truncate(node.toString()) + " is not a non-negative integer");
    }
    return node.isTextual() ? new BigInteger(node.asText()) : node.bigIntegerValue();
  }

  private static MalformedNotificationException invalid(String detail) {
    return new MalformedNotificationException("invalid Gmail notification: " + detail);
  }

  private static MalformedNotificationException invalid(String detail, Throwable cause) {
    return new MalformedNotificationException("invalid Gmail notification: " + detail, cause);
  }

  private static String quote(byte[] payload) {
    return "'" + truncate(new String(payload, StandardCharsets.UTF_8)) + "'";
  }

  private static String truncate(String text) {
    return text.length() <= MAX_QUOTED_CHARS ? text : text.substring(0, MAX_QUOTED_CHARS) + "...";
  }
}
