package dev.autoreply.worker.safety;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Finds email addresses written in free text, such as a drafted reply. Scanning starts at each
 * {@code '@'} and extends left over local-part characters and right over domain characters, so
 * time is linear in the text length; a regular expression over the whole text would retry every
 * start position.
 *
 * <p>NOTE: only the plain {@code local@domain} form is found. Obfuscated forms such as
 * "name at domain dot com" and quoted local parts are not.
 */
final class TextAddresses {

  private TextAddresses() {
  }

  /** Returns the addresses in {@code text}, lower case, in order of appearance, without duplicates. */
  static Set<String> find(String text) {
    Set<String> addresses = new LinkedHashSet<>();
    int at = text.indexOf('@');
    while (at >= 0) {
      String address = addressAround(text, at);
      if (address != null) {
        addresses.add(address);
      }
      at = text.indexOf('@', at + 1);
    }
    return addresses;
  }

  /** Returns the domain of {@code address} in lower case, or "" when it has none. */
  static String domain(String address) {
    int at = address.lastIndexOf('@');
    return at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  private static String addressAround(String text, int at) {
    int start = at;
    while (start > 0 && isLocalChar(text.charAt(start - 1))) {
      start--;
    }
    int end = at + 1;
    while (end < text.length() && isDomainChar(text.charAt(end))) {
      end++;
    }
    String local = trimDots(text.substring(start, at));
    String domain = trimDots(text.substring(at + 1, end));
    if (local.isEmpty() || !isDomainName(domain)) {
      return null;
    }
    return (local + "@" + domain).toLowerCase(Locale.ROOT);
  }

  // A sentence may end right after an address ("write to a@b.example."), so edge dots are dropped.
  private static String trimDots(String part) {
    int start = 0;
    int end = part.length();
    while (start < end && part.charAt(start) == '.') {
      start++;
    }
    while (end > start && (part.charAt(end - 1) == '.' || part.charAt(end - 1) == '-')) {
      end--;
    }
    return part.substring(start, end);
  }

  /** Requires at least two labels and a last label of two or more letters, as public domains have. */
  private static boolean isDomainName(String domain) {
    int lastDot = domain.lastIndexOf('.');
    if (lastDot <= 0 || domain.length() - lastDot - 1 < 2) {
      return false;
    }
    return domain.substring(lastDot + 1).chars().allMatch(Character::isLetter);
  }

  private static boolean isLocalChar(char c) {
    return Character.isLetterOrDigit(c) || "._%+-'!#$&*=?^`{|}~/".indexOf(c) >= 0;
  }

  private static boolean isDomainChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '-';
  }
}
