package dev.autoreply.worker.mail;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/**
 * RFC 2047 encoded-word decoding for unstructured header values such as Subject.
 *
 * <p>Adjacent encoded words in one charset are joined as bytes before decoding, because senders
 * split multi-byte characters and ISO-2022-JP escape sequences across words. Whitespace between two
 * encoded words is dropped, as RFC 2047 section 6.2 requires. A word with an unknown charset is
 * decoded by {@link MailCharsets#decode}, and a word that cannot be decoded stays as written.
 */
final class EncodedWords {

  private EncodedWords() {}

  /**
   * Maximum length of a value that is decoded. Each unterminated "=?" costs a scan to the end of the value, so
   * the cap keeps a hostile header from costing quadratic time.
   */
  static final int MAX_VALUE_LENGTH = 16 * 1024;

  /** Decodes every encoded word in {@code value}, cut to {@link #MAX_VALUE_LENGTH}; returns null for null. */
  static String decode(String input) {
    if (input == null || !input.contains("=?")) {
      return input;
    }
    String value = input.length() > MAX_VALUE_LENGTH ? input.substring(0, MAX_VALUE_LENGTH) : input;
    StringBuilder out = new StringBuilder(value.length());
    PendingWord pending = new PendingWord();
    int position = 0;
    while (position < value.length()) {
      Word word = Word.parseAt(value, position);
      if (word != null) {
        if (pending.charset != null && !pending.charset.equalsIgnoreCase(word.charset)) {
          pending.flushTo(out);
        }
        pending.append(word);
        position = word.end;
        continue;
      }
      int whitespaceEnd = skipWhitespace(value, position);
      if (whitespaceEnd > position && pending.charset != null
          && Word.parseAt(value, whitespaceEnd) != null) {
        position = whitespaceEnd;
        continue;
      }
      pending.flushTo(out);
      out.append(value.charAt(position));
      position++;
    }
    pending.flushTo(out);
    return out.toString();
  }

  private static int skipWhitespace(String value, int position) {
    int i = position;
    while (i < value.length() && isFoldingWhitespace(value.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isFoldingWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  /** Bytes of consecutive encoded words that share a charset, not yet decoded. */
  private static final class PendingWord {
    private String charset;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    void append(Word word) {
      charset = word.charset;
      bytes.writeBytes(word.bytes);
    }

    void flushTo(StringBuilder out) {
      if (charset != null) {
        out.append(MailCharsets.decode(bytes.toByteArray(), charset));
      }
      charset = null;
      bytes.reset();
    }
  }

  /** One encoded word {@code =?charset?B|Q?text?=}, with its text already transfer-decoded. */
  private record Word(String charset, byte[] bytes, int end) {

    static Word parseAt(String value, int start) {
      if (!value.startsWith("=?", start)) {
        return null;
      }
      int charsetEnd = value.indexOf('?', start + 2);
      if (charsetEnd < 0 || charsetEnd + 2 >= value.length() || value.charAt(charsetEnd + 2) != '?') {
        return null;
      }
      int textEnd = value.indexOf("?=", charsetEnd + 3);
      if (textEnd < 0) {
        return null;
      }
      String text = value.substring(charsetEnd + 3, textEnd);
      if (text.indexOf(' ') >= 0 || text.indexOf('\t') >= 0) {
        return null;
      }
      // RFC 2231 allows a language suffix: =?charset*lang?...?=
      String charset = value.substring(start + 2, charsetEnd);
      int star = charset.indexOf('*');
      if (star >= 0) {
        charset = charset.substring(0, star);
      }
      byte[] bytes = decodeText(value.charAt(charsetEnd + 1), text);
      return bytes == null ? null : new Word(charset, bytes, textEnd + 2);
    }

    private static byte[] decodeText(char encoding, String text) {
      switch (Character.toUpperCase(encoding)) {
        case 'B':
          return decodeBase64(text);
        case 'Q':
          return decodeQ(text);
        default:
          return null;
      }
    }

    private static byte[] decodeBase64(String text) {
      String padded = text;
      while (padded.length() % 4 != 0) {
        padded += "=";
      }
      try {
        return Base64.getMimeDecoder().decode(padded);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    private static byte[] decodeQ(String text) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '_') {
          out.write(' ');
        } else if (c == '=' && isHex(text, i + 1)) {
          out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
          i += 2;
        } else if (c < 0x80) {
          out.write(c);
        } else {
          return null;
        }
      }
      return out.toByteArray();
    }

    private static boolean isHex(String text, int index) {
      return index + 1 < text.length()
          && Character.digit(text.charAt(index), 16) >= 0
          && Character.digit(text.charAt(index + 1), 16) >= 0;
    }
  }
}
