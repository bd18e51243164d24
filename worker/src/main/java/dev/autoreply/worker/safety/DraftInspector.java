package dev.autoreply.worker.safety;

import dev.autoreply.api.settings.WorkerSettings;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a drafted reply before it is sent, for the case where the customer's mail talked the
 * model into an attack: naming other people's addresses, revealing the tenant's instructions, or
 * linking to a host the tenant did not name. A reply that fails a check goes to a person.
 *
 * <p>Checks run in this order and the first match wins: {@code empty_reply}, {@code
 * instructions_leak}, {@code foreign_address}, {@code foreign_link}. Allowed addresses are the
 * reply's recipients, the tenant's mailboxes and the addresses written in the instructions or the
 * signature. Link hosts must pass {@link AllowedHosts}. Links are reviewed rather than removed,
 * because removing a link can change the meaning of the sentence around it.
 *
 * <p>The inspector reads only its arguments and the settings given at construction, so it is
 * safe to share between threads. It logs the verdict with ids and the matched domain or host,
 * never the reply text.
 */
public final class DraftInspector {

  private static final Logger log = LoggerFactory.getLogger(DraftInspector.class);

  /** Default length of a verbatim run of instruction words that counts as a leak. */
  public static final int DEFAULT_LEAK_WINDOW_WORDS = 8;

  /**
   * Default minimum number of letters and digits in a reply once the signature is removed.
   * NOTE: a chosen value, not measured on real replies: a greeting and one short sentence.
   */
  public static final int DEFAULT_MIN_REPLY_CHARS = 20;

  private final String tenant;
  private final Set<String> tenantAddresses;
  private final String signature;
  private final InstructionLeakCheck leakCheck;
  private final AllowedHosts allowedHosts;
  private final int minReplyChars;

  /** Creates an inspector for the tenant of {@code settings} with the default limits. */
  public DraftInspector(WorkerSettings settings) {
    this(settings, DEFAULT_LEAK_WINDOW_WORDS, DEFAULT_MIN_REPLY_CHARS);
  }

  /**
   * Creates an inspector for the tenant of {@code settings}.
   *
   * @param leakWindowWords number of consecutive instruction words that count as a leak, at least 2
   * @param minReplyChars minimum letters and digits of the reply without its signature, at least 1
   */
  public DraftInspector(WorkerSettings settings, int leakWindowWords, int minReplyChars) {
    Objects.requireNonNull(settings, "settings");
    if (minReplyChars < 1) {
      throw new IllegalArgumentException("minReplyChars must be at least 1, got " + minReplyChars);
    }
    String instructions = Objects.requireNonNullElse(settings.instructions(), "");
    this.tenant = settings.tenant();
    this.signature = Objects.requireNonNullElse(settings.signature(), "").strip();
    this.tenantAddresses = tenantAddresses(settings.mailboxes(), instructions, signature);
    this.leakCheck = new InstructionLeakCheck(instructions, signature, leakWindowWords);
    this.allowedHosts = new AllowedHosts(settings.mailboxes(), instructions, signature);
    this.minReplyChars = minReplyChars;
  }

  /**
   * Inspects {@code replyText}, the body of the reply to message {@code messageId}.
   *
   * @param recipients the addresses the reply goes to, as the composer derives them from the
   *     parent's headers (Reply-To, else From); the reply may name them
   */
  public DraftVerdict inspect(String messageId, String replyText, Collection<String> recipients) {
    DraftVerdict verdict = verdict(Objects.requireNonNullElse(replyText, ""), lowerCase(recipients));
    if (verdict.isOk()) {
      log.debug("tenant {} message {}: drafted reply passed inspection", tenant, messageId);
    } else {
      log.info("tenant {} message {}: drafted reply needs review: {} ({})",
          tenant, messageId, verdict.code(), verdict.detail());
    }
    return verdict;
  }

  private DraftVerdict verdict(String replyText, Set<String> recipients) {
    if (isEmpty(replyText)) {
      return DraftVerdict.review(DraftReviewReason.EMPTY_REPLY, "");
    }
    Optional<String> leak = leakCheck.find(replyText);
    if (leak.isPresent()) {
      return DraftVerdict.review(DraftReviewReason.INSTRUCTIONS_LEAK, leak.get());
    }
    for (String address : TextAddresses.find(replyText)) {
      if (!recipients.contains(address) && !tenantAddresses.contains(address)) {
        return DraftVerdict.review(DraftReviewReason.FOREIGN_ADDRESS, "domain " + TextAddresses.domain(address));
      }
    }
    for (String host : TextLinks.findHosts(replyText)) {
      if (!allowedHosts.allows(host)) {
        return DraftVerdict.review(DraftReviewReason.FOREIGN_LINK, "host " + host);
      }
    }
    return DraftVerdict.ok();
  }

  private boolean isEmpty(String replyText) {
    String withoutSignature = signature.isEmpty() ? replyText : replyText.replace(signature, "");
    long letters = withoutSignature.codePoints().filter(Character::isLetterOrDigit).count();
    return letters < minReplyChars;
  }

  private static Set<String> tenantAddresses(Collection<String> mailboxes, String instructions, String signature) {
    Set<String> addresses = new HashSet<>(lowerCase(mailboxes));
    addresses.addAll(TextAddresses.find(instructions));
    addresses.addAll(TextAddresses.find(signature));
    return Set.copyOf(addresses);
  }

  private static Set<String> lowerCase(Collection<String> addresses) {
    Set<String> lower = new HashSet<>();
    for (String address : addresses) {
      lower.add(address.strip().toLowerCase(Locale.ROOT));
    }
    return lower;
  }
}
