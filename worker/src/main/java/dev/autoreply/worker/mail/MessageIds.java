package dev.autoreply.worker.mail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Extraction of RFC 5322 msg-id tokens ({@code <id-left@id-right>}) from header values. */
final class MessageIds {

  /** RFC 5322 caps a header line at 998 characters, so no longer id can be valid. */
  private static final int MAX_ID_LENGTH = 998;

  private MessageIds() {}

  /**
   * Returns the well-formed ids in {@code values}, in order and without duplicates. A bracketed
   * token that contains whitespace, a second {@code @} or a character outside msg-id is dropped.
   */
  static List<String> extract(List<String> values) {
    Set<String> ids = new LinkedHashSet<>();
    for (String value : values) {
      if (value != null) {
        extractInto(value, ids);
      }
    }
    return new ArrayList<>(ids);
  }

  /** Returns the first well-formed id in {@code value}, or null when there is none. */
  static String first(String value) {
    if (value == null) {
      return null;
    }
    Set<String> ids = new LinkedHashSet<>();
    extractInto(value, ids);
    return ids.isEmpty() ? null : ids.iterator().next();
  }

  /** Returns whether {@code id} is a single well-formed msg-id, brackets included. */
  static boolean isWellFormed(String id) {
    if (id == null || id.length() < 5 || id.length() > MAX_ID_LENGTH) {
      return false;
    }
    if (id.charAt(0) != '<' || id.charAt(id.length() - 1) != '>') {
      return false;
    }
    String inner = id.substring(1, id.length() - 1);
    int at = inner.indexOf('@');
    if (at <= 0 || at == inner.length() - 1 || inner.indexOf('@', at + 1) >= 0) {
      return false;
    }
    for (int i = 0; i < inner.length(); i++) {
      if (!isIdChar(inner.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static void extractInto(String value, Set<String> ids) {
    int open = value.indexOf('<');
    while (open >= 0) {
      int close = value.indexOf('>', open + 1);
      if (close < 0) {
        return;
      }
      // A '<' before the '>' starts a new candidate, so "<a <b@c>" yields "<b@c>".
      int reopen = value.lastIndexOf('<', close);
      String candidate = value.substring(reopen, close + 1);
      if (isWellFormed(candidate)) {
        ids.add(candidate);
      }
      open = value.indexOf('<', close + 1);
    }
  }

  // RFC 5322 atext and dots, '[' ']' for no-fold-literal, and UTF-8 per RFC 6532.
  private static boolean isIdChar(char c) {
    if (c <= 0x20 || c == 0x7F) {
      return false;
    }
    if (c >= 0x80) {
      return !Character.isWhitespace(c) && !Character.isISOControl(c);
    }
    return "<>()\\,;:\"".indexOf(c) < 0;
  }
}
