package dev.autoreply.worker.mail;

import java.util.Locale;
import java.util.Set;

/**
 * Conversion of an HTML body to plain text by a single forward scan: tags are dropped, block tags
 * become line breaks, script, style and title content is skipped and character references are
 * decoded. Each input character is examined a bounded number of times, so time is linear in the
 * input, and the scan stops once the output reaches its maximum length.
 *
 * <p>A tag ends at the first {@code '>'}, even inside a quoted attribute value, so such a value can
 * leak a few characters into the text. That is accepted to keep the scan linear on unclosed quotes.
 */
final class HtmlText {

  private static final Set<String> BLOCK_TAGS = Set.of(
      "br", "p", "div", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
      "blockquote", "hr", "pre", "section", "article", "header", "footer", "dt", "dd");

  private static final Set<String> SKIPPED_CONTENT_TAGS = Set.of("script", "style", "title");

  private static final int MAX_TAG_NAME_LENGTH = 16;

  private final String html;
  private final int maxChars;
  private final TextBuilder out;
  private int position;
  /** Position of the next '>' at or after {@link #position}, or -1 when there is none; -2 if unknown. */
  private int nextClose = -2;

  private HtmlText(String html, int maxChars) {
    this.html = html;
    this.maxChars = maxChars;
    this.out = new TextBuilder(maxChars);
  }

  /** Converts {@code html} to text of at most {@code maxChars} characters. */
  static Text convert(String html, int maxChars) {
    HtmlText converter = new HtmlText(html, maxChars);
    converter.run();
    return new Text(converter.out.toString(), converter.out.full());
  }

  /** Converted text and whether it was cut at the maximum length. */
  record Text(String text, boolean truncated) {}

  private void run() {
    while (position < html.length() && !out.full()) {
      char c = html.charAt(position);
      if (c == '<' && startsTag(position)) {
        readTag();
      } else if (c == '&') {
        position = CharacterReferences.appendDecoded(html, position, out);
      } else {
        out.appendText(c);
        position++;
      }
    }
  }

  // Per the HTML parsing rules, '<' starts a tag only before a letter, '/', '!' or '?'.
  private boolean startsTag(int at) {
    if (at + 1 >= html.length()) {
      return false;
    }
    char next = html.charAt(at + 1);
    return isAsciiLetter(next) || next == '/' || next == '!' || next == '?';
  }

  private void readTag() {
    if (html.startsWith("<!--", position)) {
      int end = html.indexOf("-->", position + 4);
      position = end < 0 ? html.length() : end + 3;
      return;
    }
    int close = findClose(position + 1);
    if (close < 0) {
      // No '>' follows, so the rest is text, as browsers show it.
      out.appendText('<');
      position++;
      return;
    }
    String name = tagName(position + 1, close);
    boolean endTag = html.charAt(position + 1) == '/';
    position = close + 1;
    if (BLOCK_TAGS.contains(name)) {
      out.appendLineBreak();
    }
    if (!endTag && SKIPPED_CONTENT_TAGS.contains(name)) {
      skipUntilEndTag(name);
    }
  }

  private int findClose(int from) {
    if (nextClose == -1) {
      return -1;
    }
    if (nextClose < from) {
      nextClose = html.indexOf('>', from);
    }
    return nextClose;
  }

  private String tagName(int start, int close) {
    int i = start;
    if (i < close && html.charAt(i) == '/') {
      i++;
    }
    int nameStart = i;
    while (i < close && i - nameStart < MAX_TAG_NAME_LENGTH && isTagNameChar(html.charAt(i))) {
      i++;
    }
    return html.substring(nameStart, i).toLowerCase(Locale.ROOT);
  }

  // Scans forward once for "</name"; when it is missing, the rest of the input is skipped.
  private void skipUntilEndTag(String name) {
    int i = position;
    while (true) {
      i = html.indexOf("</", i);
      if (i < 0) {
        position = html.length();
        return;
      }
      if (html.regionMatches(true, i + 2, name, 0, name.length())) {
        int close = html.indexOf('>', i);
        position = close < 0 ? html.length() : close + 1;
        return;
      }
      i += 2;
    }
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isTagNameChar(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9');
  }
}
