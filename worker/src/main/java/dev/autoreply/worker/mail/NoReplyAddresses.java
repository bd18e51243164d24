package dev.autoreply.worker.mail;

/**
 * Recognition of addresses that state they do not read replies: local parts containing
 * {@code noreply} or {@code donotreply} once '-', '_' and '.' are removed, which covers noreply@,
 * no-reply@, no_reply@, do-not-reply@, donotreply@ and prefixed forms such as shop-noreply@.
 */
final class NoReplyAddresses {

  private NoReplyAddresses() {}

  static boolean matches(String address) {
    if (address == null) {
      return false;
    }
    String local = Addresses.localPart(address).replace("-", "").replace("_", "").replace(".", "");
    return local.contains("noreply") || local.contains("donotreply");
  }
}
