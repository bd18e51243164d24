package dev.autoreply.worker.mail;

import java.util.HashMap;
import java.util.Map;

/**
 * Decoding of HTML character references: numeric ({@code &#228;}, {@code &#xE4;}) and the named
 * references of HTML 4 (the Latin-1 set plus common punctuation). An unknown or unterminated
 * reference stays as written.
 */
final class CharacterReferences {

  /** Maximum length between '&' and ';', above the longest table name and numeric form ({@code #x10FFFF}). */
  private static final int MAX_REFERENCE_LENGTH = 12;

  private static final String[] LATIN1_NAMES = {
      "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
      "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
      "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
      "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
      "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
      "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
      "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
      "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
      "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
      "uuml", "yacute", "thorn", "yuml"};

  private static final Map<String, Integer> NAMED = buildTable();

  private CharacterReferences() {}

  /**
   * Appends the character that the reference at {@code start} (an {@code '&'}) stands for, or the
   * {@code '&'} itself when no known reference starts there, and returns the position after it.
   */
  static int appendDecoded(String html, int start, TextBuilder out) {
    int limit = Math.min(html.length(), start + MAX_REFERENCE_LENGTH + 2);
    int semicolon = -1;
    for (int i = start + 1; i < limit; i++) {
      if (html.charAt(i) == ';') {
        semicolon = i;
        break;
      }
    }
    if (semicolon < 0) {
      out.appendText('&');
      return start + 1;
    }
    int codePoint = codePointOf(html.substring(start + 1, semicolon));
    if (codePoint < 0) {
      out.appendText('&');
      return start + 1;
    }
    out.appendText(new String(Character.toChars(codePoint)));
    return semicolon + 1;
  }

  private static int codePointOf(String reference) {
    if (reference.startsWith("#x") || reference.startsWith("#X")) {
      return parseCodePoint(reference.substring(2), 16);
    }
    if (reference.startsWith("#")) {
      return parseCodePoint(reference.substring(1), 10);
    }
    return NAMED.getOrDefault(reference, -1);
  }

  private static int parseCodePoint(String digits, int radix) {
    try {
      int value = Integer.parseInt(digits, radix);
      // NUL, surrogates and values past U+10FFFF are invalid references; browsers show U+FFFD.
      if (value == 0 || (value >= 0xD800 && value <= 0xDFFF) || value > Character.MAX_CODE_POINT) {
        return 0xFFFD;
      }
      return value;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Map<String, Integer> buildTable() {
    Map<String, Integer> table = new HashMap<>();
    for (int i = 0; i < LATIN1_NAMES.length; i++) {
      table.put(LATIN1_NAMES[i], 0xA0 + i);
    }
    table.put("amp", (int) '&');
    table.put("lt", (int) '<');
    table.put("gt", (int) '>');
    table.put("quot", (int) '"');
    table.put("apos", (int) '\'');

    table.put("ndash", 0x2013);
    table.put("mdash", 0x2014);
    table.put("lsquo", 0x2018);
    table.put("rsquo", 0x2019);
    table.put("sbquo", 0x201A);
    table.put("ldquo", 0x201C);
    table.put("rdquo", 0x201D);
    table.put("bdquo", 0x201E);
    table.put("hellip", 0x2026);
    table.put("bull", 0x2022);
    table.put("euro", 0x20AC);
    table.put("trade", 0x2122);
    table.put("OElig", 0x152);
    table.put("oelig", 0x153);
    table.put("Scaron", 0x160);
    table.put("scaron", 0x161);
    table.put("Yuml", 0x178);
    table.put("zwnj", 0x200C);
    table.put("zwj", 0x200D);
    table.put("thinsp", 0x2009);
    table.put("ensp", 0x2002);
    table.put("emsp", 0x2003);
    return Map.copyOf(table);
  }
}
