package dev.autoreply.worker.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;

/**
 * Lenient decoding of mail text by its MIME charset label. Labels that mail clients send but the JDK
 * does not support, or maps to a narrower charset, map to the superset that senders actually use.
 */
final class MailCharsets {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  // Microsoft labels CP949 text as ks_c_5601-1987 (and often as euc-kr); CP949 is a superset of EUC-KR.
  // Shift_JIS and ISO-2022-JP mail from Windows uses the CP932 extensions (NEC and IBM rows).
  // ISO-8859-1 and US-ASCII labels commonly carry windows-1252 bytes, as the WHATWG Encoding
  // Standard also assumes.
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("ks_c_5601-1987", "x-windows-949"),
      Map.entry("ks_c_5601-1989", "x-windows-949"),
      Map.entry("ks_c_5601", "x-windows-949"),
      Map.entry("ksc5601", "x-windows-949"),
      Map.entry("ksc_5601", "x-windows-949"),
      Map.entry("euc-kr", "x-windows-949"),
      Map.entry("shift_jis", "windows-31j"),
      Map.entry("shift-jis", "windows-31j"),
      Map.entry("sjis", "windows-31j"),
      Map.entry("x-sjis", "windows-31j"),
      Map.entry("iso-2022-jp", "x-windows-iso2022jp"),
      Map.entry("gb2312", "GBK"),
      Map.entry("iso-8859-1", "windows-1252"),
      Map.entry("latin1", "windows-1252"),
      Map.entry("us-ascii", "windows-1252"),
      Map.entry("ascii", "windows-1252"),
      Map.entry("utf8", "UTF-8"));

  private MailCharsets() {}

  /**
   * Returns the charset for a MIME label, or null when the label is missing, invalid or unknown to
   * this JVM.
   */
  static Charset resolve(String label) {
    if (label == null) {
      return null;
    }
    String name = label.trim().toLowerCase(Locale.ROOT);
    if (name.isEmpty()) {
      return null;
    }
    String mapped = ALIASES.getOrDefault(name, name);
    Charset charset = lookup(mapped);
    return charset != null ? charset : lookup(name);
  }

  /**
   * Decodes {@code bytes} with the charset named by {@code label}, replacing malformed sequences.
   * When the label is missing or unknown, the bytes are read as UTF-8 if they are valid UTF-8, else
   * as windows-1252, which maps every byte.
   */
  static String decode(byte[] bytes, String label) {
    Charset charset = resolve(label);
    if (charset != null) {
      return new String(bytes, charset);
    }
    return decodeUnlabelled(bytes);
  }

  static String decodeUnlabelled(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, WINDOWS_1252);
    }
  }

  private static Charset lookup(String name) {
    try {
      return Charset.isSupported(name) ? Charset.forName(name) : null;
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }
}
