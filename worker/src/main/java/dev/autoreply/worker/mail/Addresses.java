package dev.autoreply.worker.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parsing of address header values into bare addr-specs, and helpers on their parts. */
final class Addresses {

  private Addresses() {}

  /**
   * Returns the addr-specs in an address-list header value, with group members expanded. Values
   * that Jakarta Mail rejects even in lenient mode fall back to the bracketed addresses in them.
   */
  static List<String> parse(List<String> values) {
    List<String> addresses = new ArrayList<>();
    for (String value : values) {
      addresses.addAll(parse(value));
    }
    return addresses;
  }

  static List<String> parse(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    try {
      List<String> addresses = new ArrayList<>();
      for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
        addMembers(address, addresses);
      }
      return addresses;
    } catch (AddressException e) {
      return bracketed(value);
    }
  }

  /** Returns the local part of {@code address} in lower case, without a {@code +tag}. */
  static String localPart(String address) {
    int at = address.lastIndexOf('@');
    String local = (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
    int plus = local.indexOf('+');
    return plus > 0 ? local.substring(0, plus) : local;
  }

  /** Returns the domain of {@code address} in lower case, or null when it has none. */
  static String domain(String address) {
    int at = address.lastIndexOf('@');
    return at < 0 || at == address.length() - 1
        ? null
        : address.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  private static void addMembers(InternetAddress address, List<String> out) throws AddressException {
    if (address.isGroup()) {
      for (InternetAddress member : address.getGroup(false)) {
        addMembers(member, out);
      }
      return;
    }
    String spec = address.getAddress();
    if (spec != null && !spec.isBlank()) {
      out.add(spec.trim());
    }
  }

  private static List<String> bracketed(String value) {
    List<String> addresses = new ArrayList<>();
    int open = value.indexOf('<');
    while (open >= 0) {
      int close = value.indexOf('>', open + 1);
      if (close < 0) {
        break;
      }
      String inner = value.substring(open + 1, close).trim();
      if (inner.indexOf('@') > 0) {
        addresses.add(inner);
      }
      open = value.indexOf('<', close + 1);
    }
    return addresses;
  }
}
