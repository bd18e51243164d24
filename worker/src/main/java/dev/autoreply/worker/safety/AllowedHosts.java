package dev.autoreply.worker.safety;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Hosts a drafted reply may link to: the domains of the tenant's mailboxes, and every link host
 * and address domain named in the tenant's instructions or signature. A subdomain of an allowed
 * host is allowed too, because the owner of a domain controls its subdomains.
 *
 * <p>The list comes from the tenant's own settings, never from the customer's mail, so a mail
 * cannot widen it. NOTE: a host that the instructions name in order to forbid it ("never link to
 * other.example") is allowed as well, because the text is not interpreted.
 */
final class AllowedHosts {

  private final Set<String> hosts;

  AllowedHosts(Collection<String> mailboxes, String instructions, String signature) {
    Set<String> allowed = new HashSet<>();
    for (String mailbox : mailboxes) {
      addDomain(allowed, TextAddresses.domain(mailbox));
    }
    for (String text : new String[] {instructions, signature}) {
      allowed.addAll(TextLinks.findHosts(text));
      TextAddresses.find(text).forEach(address -> addDomain(allowed, TextAddresses.domain(address)));
    }
    this.hosts = Set.copyOf(allowed);
  }

  /** Returns whether {@code host}, as {@link TextLinks#findHosts} returns it, is allowed. */
  boolean allows(String host) {
    for (String candidate = host; !candidate.isEmpty(); candidate = parentDomain(candidate)) {
      if (hosts.contains(candidate)) {
        return true;
      }
    }
    return false;
  }

  private static void addDomain(Set<String> allowed, String domain) {
    if (!domain.isEmpty()) {
      allowed.add(TextLinks.normalizeHost(domain));
    }
  }

  private static String parentDomain(String host) {
    int dot = host.indexOf('.');
    return dot < 0 ? "" : host.substring(dot + 1);
  }
}
