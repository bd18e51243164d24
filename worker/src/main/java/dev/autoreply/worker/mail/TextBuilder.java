package dev.autoreply.worker.mail;

/**
 * Text output of {@link HtmlText} with whitespace collapsed as a browser renders it: runs of spaces,
 * tabs and source line breaks become one space, block tags become line breaks, and at most one blank
 * line is kept. Appends beyond the maximum length are dropped.
 */
final class TextBuilder {

  private final StringBuilder text = new StringBuilder();
  private final int maxChars;
  private boolean pendingSpace;
  private int pendingLineBreaks;

  TextBuilder(int maxChars) {
    this.maxChars = maxChars;
  }

  boolean full() {
    return text.length() >= maxChars;
  }

  void appendText(char c) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
      pendingSpace = true;
      return;
    }
    if (c == '\u00A0') {
      c = ' ';
    }
    flushPendingWhitespace();
    append(c);
  }

  void appendText(CharSequence chars) {
    for (int i = 0; i < chars.length(); i++) {
      appendText(chars.charAt(i));
    }
  }

  void appendLineBreak() {
    pendingSpace = false;
    if (text.length() > 0) {
      pendingLineBreaks = Math.min(pendingLineBreaks + 1, 2);
    }
  }

  private void flushPendingWhitespace() {
    if (pendingLineBreaks > 0) {
      for (int i = 0; i < pendingLineBreaks; i++) {
        append('\n');
      }
    } else if (pendingSpace && text.length() > 0) {
      append(' ');
    }
    pendingLineBreaks = 0;
    pendingSpace = false;
  }

  private void append(char c) {
    if (text.length() < maxChars) {
      text.append(c);
    }
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
