package dev.autoreply.worker.mail;

/**
 * Detection of the mbox separator line ({@code From sender date}) that archives put before a
 * message. It is not a header field, so the parser starts after it.
 */
final class MboxFromLine {

  private static final byte[] PREFIX = {'F', 'r', 'o', 'm', ' '};

  private MboxFromLine() {}

  /** Returns the length of the separator line including its line end, or 0 when there is none. */
  static int length(byte[] raw) {
    if (raw.length < PREFIX.length) {
      return 0;
    }
    for (int i = 0; i < PREFIX.length; i++) {
      if (raw[i] != PREFIX[i]) {
        return 0;
      }
    }
    // "From : a@b" is an obsolete-syntax From field, not a separator.
    if (raw.length > PREFIX.length && raw[PREFIX.length] == ':') {
      return 0;
    }
    for (int i = PREFIX.length; i < raw.length; i++) {
      if (raw[i] == '\n') {
        return i + 1;
      }
    }
    return 0;
  }
}
