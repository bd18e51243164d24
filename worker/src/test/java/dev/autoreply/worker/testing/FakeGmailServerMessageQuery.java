package dev.autoreply.worker.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoreply.worker.testing.FakeGmailServerMailbox.StoredMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parameters of one users.messages.list request to {@link FakeGmailServer}: labelIds, q,
 * maxResults and pageToken. Of Gmail's search syntax, q supports only {@code newer_than:N}
 * with the units d, m and y, which the fake counts as 1, 30 and 365 days.
 */
final class FakeGmailServerMessageQuery {

  /** maxResults when the request has none, and its upper bound, from Gmail's API reference. */
  static final int DEFAULT_PAGE_SIZE = 100;
  static final int MAX_PAGE_SIZE = 500;

  private static final Pattern NEWER_THAN = Pattern.compile("newer_than:(\\d+)([dmy])");

  private final List<String> labelIds;
  private final Instant receivedAfter;
  private final int pageSize;
  private final int offset;

  private FakeGmailServerMessageQuery(
      List<String> labelIds, Instant receivedAfter, int pageSize, int offset) {
    this.labelIds = List.copyOf(labelIds);
    this.receivedAfter = receivedAfter;
    this.pageSize = pageSize;
    this.offset = offset;
  }

  /**
   * Reads the request parameters.
   *
   * @throws IllegalArgumentException with the message of the 400 response
   */
  static FakeGmailServerMessageQuery parse(
      Map<String, String> query, List<String> labelIds, Instant now) {
    int pageSize = parseInt(query.get("maxResults"), DEFAULT_PAGE_SIZE, "maxResults");
    if (pageSize < 1) {
      throw new IllegalArgumentException("Invalid maxResults " + pageSize);
    }
    int offset = parseInt(query.get("pageToken"), 0, "pageToken");
    return new FakeGmailServerMessageQuery(labelIds, receivedAfter(query.get("q"), now),
        Math.min(pageSize, MAX_PAGE_SIZE), offset);
  }

  /** Returns the messages that have every label and match q, newest first. */
  List<StoredMessage> matching(FakeGmailServerMailbox box) {
    return box.newestFirst().stream()
        .filter(message -> message.labelIds().containsAll(labelIds))
        .filter(message -> receivedAfter == null || message.internalDate().isAfter(receivedAfter))
        .toList();
  }

  /** Builds the response body of this request's page, in Gmail's ListMessagesResponse shape. */
  ObjectNode page(List<StoredMessage> matching, ObjectMapper json) {
    ObjectNode body = json.createObjectNode();
    int end = Math.min(matching.size(), offset + pageSize);
    if (offset < end) {
      ArrayNode messages = body.putArray("messages");
      for (StoredMessage message : matching.subList(offset, end)) {
        ObjectNode reference = messages.addObject();
        reference.put("id", message.id());
        reference.put("threadId", message.threadId());
      }
    }
    if (end < matching.size()) {
      body.put("nextPageToken", String.valueOf(end));
    }
    body.put("resultSizeEstimate", matching.size());
    return body;
  }

  private static Instant receivedAfter(String q, Instant now) {
    if (q == null || q.isBlank()) {
      return null;
    }
    Matcher matcher = NEWER_THAN.matcher(q.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("Invalid q '" + q + "': the fake Gmail server supports"
          + " only newer_than:N with the unit d, m or y");
    }
    long amount = Long.parseLong(matcher.group(1));
    long days = switch (matcher.group(2)) {
      case "d" -> amount;
      case "m" -> amount * 30;
      default -> amount * 365;
    };
    return now.minus(Duration.ofDays(days));
  }

  private static int parseInt(String value, int fallback, String name) {
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid " + name + " '" + value + "'");
    }
  }
}
