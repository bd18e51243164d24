package dev.autoreply.worker.pipeline;

import dev.autoreply.worker.mail.InboundMail;
import dev.autoreply.worker.mail.MailParser;
import java.util.ArrayList;
import java.util.List;

/**
 * The earlier messages of a thread as plain text for the prompt: each message's sender and its
 * own words, without the lines it quotes, newest kept when the text is too long.
 */
final class ThreadContext {

  /** Earlier messages read per mail: enough for the usual back and forth, at 15 quota units each. */
  static final int MAX_MESSAGES = 3;

  /** Upper bound of the thread text, in characters, about 1,000 tokens of prose. */
  static final int MAX_CHARS = 4_000;

  private final MailParser parser = new MailParser();

  String render(List<byte[]> earlierMessages) {
    List<String> parts = new ArrayList<>();
    for (byte[] raw : earlierMessages) {
      InboundMail mail = parser.parse(raw);
      String text = withoutQuotes(mail.bodyText()).strip();
      if (!text.isEmpty()) {
        parts.add("From: " + (mail.from() == null ? "(unknown)" : mail.from()) + "\n" + text);
      }
    }
    String joined = String.join("\n\n---\n\n", parts);
    return joined.length() <= MAX_CHARS ? joined : joined.substring(joined.length() - MAX_CHARS);
  }

  /** Drops quoted lines, which repeat earlier messages that the context already holds. */
  private static String withoutQuotes(String body) {
    StringBuilder kept = new StringBuilder();
    for (String line : body.split("\n", -1)) {
      if (!line.startsWith(">")) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString();
  }
}
