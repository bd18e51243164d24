package dev.autoreply.worker.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoreply.worker.testing.FakeGmailServerMailbox.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * users.threads.get of {@link FakeGmailServer}: a thread is every stored message with its thread
 * id (delivered, sent and draft), oldest first. Supports format=metadata, whose payload.headers
 * holds only the headers named by metadataHeaders (all when none are named), and format=minimal.
 */
final class FakeGmailServerThreads {

  private FakeGmailServerThreads() {
  }

  /**
   * Builds the Thread resource of {@code messages}.
   *
   * @throws IllegalArgumentException with the message of the 400 response, for another format
   */
  static ObjectNode thread(String threadId, List<StoredMessage> messages, String format,
      List<String> metadataHeaders, ObjectMapper json) {
    String effectiveFormat = format == null ? "full" : format;
    if (!effectiveFormat.equals("metadata") && !effectiveFormat.equals("minimal")) {
      throw new IllegalArgumentException("Invalid format '" + effectiveFormat + "': the fake"
          + " Gmail server supports only metadata and minimal for threads.get");
    }
    ObjectNode body = json.createObjectNode();
    body.put("id", threadId);
    ArrayNode array = body.putArray("messages");
    for (StoredMessage message : messages) {
      ObjectNode entry = array.addObject();
      entry.put("id", message.id());
      entry.put("threadId", message.threadId());
      ArrayNode labels = entry.putArray("labelIds");
      message.labelIds().forEach(labels::add);
      entry.put("internalDate", Long.toString(message.internalDate().toEpochMilli()));
      if (effectiveFormat.equals("metadata")) {
        ArrayNode headers = entry.putObject("payload").putArray("headers");
        for (Map.Entry<String, String> header : headers(message.raw())) {
          if (isRequested(header.getKey(), metadataHeaders)) {
            headers.addObject().put("name", header.getKey()).put("value", header.getValue());
          }
        }
      }
    }
    return body;
  }

  private static boolean isRequested(String name, List<String> metadataHeaders) {
    return metadataHeaders.isEmpty()
        || metadataHeaders.stream().anyMatch(requested -> requested.equalsIgnoreCase(name));
  }

  /** Parses the RFC 5322 header section of {@code raw}, unfolding continuation lines. */
  static List<Map.Entry<String, String>> headers(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    String name = null;
    StringBuilder value = new StringBuilder();
    for (String line : text.split("\r?\n", -1)) {
      if (line.isEmpty()) {
        break;
      }
      if ((line.startsWith(" ") || line.startsWith("\t")) && name != null) {
        value.append(' ').append(line.strip());
        continue;
      }
      if (name != null) {
        headers.add(Map.entry(name, value.toString().strip()));
      }
      int colon = line.indexOf(':');
      name = colon > 0 ? line.substring(0, colon).strip() : null;
      value.setLength(0);
      if (name != null) {
        value.append(line.substring(colon + 1));
      }
    }
    if (name != null) {
      headers.add(Map.entry(name, value.toString().strip()));
    }
    return headers;
  }
}
