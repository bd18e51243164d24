package dev.autoreply.worker.mail;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a parsed message may get an automatic reply, following RFC 3834 and the vendor
 * conventions that predate it.
 *
 * <p>Checks run in this order and the first match wins, so the most specific reason is reported:
 *
 * <ol>
 *   <li>{@code already_auto_replied}: our own marker field, the surest loop signal.
 *   <li>{@code delivery_report}: a multipart/report or a report part (DSN, MDN, ARF). Bounces also
 *       carry the daemon sender and Auto-Submitted, and the report structure names them best.
 *   <li>{@code mailer_daemon}: a bounce without report structure.
 *   <li>{@code auto_submitted}, then {@code vendor_auto_reply}: the message declares itself automatic.
 *   <li>{@code null_sender}: Return-Path {@code <>}, set by MTAs on notifications.
 *   <li>{@code mailing_list}, then {@code bulk_precedence}: distribution to many recipients.
 *   <li>{@code own_address}, then {@code no_reply_sender}: the reply would loop to us or go nowhere.
 *   <li>{@code auto_response_suppressed}: the sender asked for no auto-replies; a request, not a
 *       classification, so it comes last among the header signals.
 *   <li>Review {@code undecodable}: checked before {@code no_sender} because an unparsed header block
 *       also lacks From, and a person should see such a message.
 *   <li>{@code no_sender}, then review {@code oversized} and {@code no_text}.
 * </ol>
 *
 * Skips come before reviews because a bounce or list message must never reach a person's queue as
 * if it needed a reply.
 */
public final class LoopSafetyFilter {

  private static final Logger log = LoggerFactory.getLogger(LoopSafetyFilter.class);

  /**
   * Default maximum raw size, in bytes.
   *
   * <p>NOTE: a chosen default, not measured: large enough for a mail with a few photos attached,
   * small enough to bound parse time. Tenants can pass their own limit.
   */
  public static final long DEFAULT_MAX_MESSAGE_BYTES = 10L * 1024 * 1024;

  private static final Set<String> REPORT_PART_TYPES = Set.of(
      "message/delivery-status",
      "message/global-delivery-status",
      "message/disposition-notification",
      "message/global-disposition-notification",
      "message/feedback-report");

  private static final Set<String> DAEMON_LOCAL_PARTS = Set.of("mailer-daemon", "mailerdaemon", "postmaster");

  // RFC 2369 and RFC 2919 list fields, plus the older Mailing-List (ezmlm) and X-Mailing-List.
  // List-Unsubscribe alone is enough: list and bulk-sending software adds it, while a mail client
  // does not add it to a message that a person writes.
  private static final List<String> LIST_FIELDS = List.of(
      "list-id", "list-unsubscribe", "list-post", "list-help", "list-subscribe", "list-owner",
      "list-archive", "mailing-list", "x-mailing-list");

  // Fields that vacation responders set instead of Auto-Submitted. X-Auto-Response-Suppress is not
  // one of them: Microsoft defines it as a request to suppress responses (MS-OXCMAIL 2.1.3.2.20).
  private static final List<String> VENDOR_AUTO_REPLY_FIELDS = List.of(
      "x-autoreply", "x-autorespond", "x-autoreply-from", "x-mail-autoreply");

  private static final Set<String> BULK_PRECEDENCE_VALUES = Set.of("bulk", "list", "junk");

  private final long maxMessageBytes;

  public LoopSafetyFilter() {
    this(DEFAULT_MAX_MESSAGE_BYTES);
  }

  /** Creates a filter that sends messages larger than {@code maxMessageBytes} to review. */
  public LoopSafetyFilter(long maxMessageBytes) {
    if (maxMessageBytes <= 0) {
      throw new IllegalArgumentException("maxMessageBytes must be positive, got " + maxMessageBytes);
    }
    this.maxMessageBytes = maxMessageBytes;
  }

  /**
   * Evaluates {@code mail} for a tenant whose mailboxes are {@code ownAddresses} (compared
   * case-insensitively).
   */
  public MailDecision evaluate(InboundMail mail, Set<String> ownAddresses) {
    MailDecision decision = decide(mail, lowerCase(ownAddresses));
    log.debug("Message {} decision: {}", mail.messageId(), decision.code());
    return decision;
  }

  private MailDecision decide(InboundMail mail, Set<String> own) {
    SkipReason skip = headerSkipReason(mail, own);
    if (skip != null) {
      return MailDecision.skip(skip);
    }
    if (!mail.decoded()) {
      return MailDecision.review(ReviewReason.UNDECODABLE);
    }
    if (mail.from() == null) {
      return MailDecision.skip(SkipReason.NO_SENDER);
    }
    if (mail.sizeBytes() > maxMessageBytes) {
      return MailDecision.review(ReviewReason.OVERSIZED);
    }
    if (mail.bodyText().isBlank()) {
      return MailDecision.review(ReviewReason.NO_TEXT);
    }
    return MailDecision.reply();
  }

  private static SkipReason headerSkipReason(InboundMail mail, Set<String> own) {
    if (mail.hasHeader(ReplyComposer.ORIGIN_HEADER)) {
      return SkipReason.ALREADY_AUTO_REPLIED;
    }

    if (isDeliveryReport(mail)) {
      return SkipReason.DELIVERY_REPORT;
    }
    if (isDaemon(mail.from()) || isDaemon(mail.returnPath())) {
      return SkipReason.MAILER_DAEMON;
    }

    if (isAutoSubmitted(mail)) {
      return SkipReason.AUTO_SUBMITTED;
    }
    if (hasVendorAutoReplyMarker(mail)) {
      return SkipReason.VENDOR_AUTO_REPLY;
    }

    if ("".equals(mail.returnPath())) {
      return SkipReason.NULL_SENDER;
    }

    if (LIST_FIELDS.stream().anyMatch(mail::hasHeader)) {
      return SkipReason.MAILING_LIST;
    }
    if (precedenceIn(mail, BULK_PRECEDENCE_VALUES)) {
      return SkipReason.BULK_PRECEDENCE;
    }

    if (isOwn(mail, own)) {
      return SkipReason.OWN_ADDRESS;
    }
    if (mail.replyRecipients().stream().anyMatch(NoReplyAddresses::matches)) {
      return SkipReason.NO_REPLY_SENDER;
    }

    if (suppressesAutoReplies(mail)) {
      return SkipReason.AUTO_RESPONSE_SUPPRESSED;
    }
    return null;
  }

  private static boolean isDeliveryReport(InboundMail mail) {
    return mail.mimeType().equals("multipart/report")
        || mail.partMimeTypes().stream().anyMatch(REPORT_PART_TYPES::contains);
  }

  private static boolean isDaemon(String address) {
    return address != null && !address.isEmpty() && DAEMON_LOCAL_PARTS.contains(Addresses.localPart(address));
  }

  // RFC 3834 section 5: any keyword but "no" marks the message as automatic. Comments such as
  // "(failure)" and parameters after ';' are ignored. An empty field is treated as automatic
  // because the field only appears on machine-generated mail.
  private static boolean isAutoSubmitted(InboundMail mail) {
    return mail.headerValues("auto-submitted").stream()
        .map(LoopSafetyFilter::firstToken)
        .anyMatch(keyword -> !keyword.equals("no"));
  }

  private static boolean hasVendorAutoReplyMarker(InboundMail mail) {
    boolean flagged = VENDOR_AUTO_REPLY_FIELDS.stream()
        .flatMap(field -> mail.headerValues(field).stream())
        .map(LoopSafetyFilter::firstToken)
        .anyMatch(value -> !value.equals("no") && !value.equals("false"));
    boolean appleVacation = mail.headerValues("x-apple-action").stream()
        .map(LoopSafetyFilter::firstToken)
        .anyMatch(value -> value.equals("vacation"));
    return flagged || appleVacation || precedenceIn(mail, Set.of("auto_reply"));
  }

  private static boolean precedenceIn(InboundMail mail, Set<String> values) {
    return List.of("precedence", "x-precedence").stream()
        .flatMap(field -> mail.headerValues(field).stream())
        .map(LoopSafetyFilter::firstToken)
        .anyMatch(values::contains);
  }

  private static boolean isOwn(InboundMail mail, Set<String> own) {
    if (mail.from() != null && own.contains(mail.from().toLowerCase(Locale.ROOT))) {
      return true;
    }
    return mail.replyRecipients().stream().anyMatch(address -> own.contains(address.toLowerCase(Locale.ROOT)));
  }

  // Values are a comma-separated list (MS-OXCMAIL): "All" or "AutoReply" covers a reply like ours,
  // while "OOF" only covers out-of-office notices.
  private static boolean suppressesAutoReplies(InboundMail mail) {
    return mail.headerValues("x-auto-response-suppress").stream()
        .flatMap(value -> List.of(value.split(",")).stream())
        .map(token -> token.trim().toLowerCase(Locale.ROOT))
        .anyMatch(token -> token.equals("all") || token.equals("autoreply"));
  }

  // Returns the first keyword of a field value in lower case: text before ';', '(' or whitespace.
  private static String firstToken(String value) {
    String trimmed = value.trim();
    int end = 0;
    while (end < trimmed.length() && ";( \t".indexOf(trimmed.charAt(end)) < 0) {
      end++;
    }
    return trimmed.substring(0, end).toLowerCase(Locale.ROOT);
  }

  private static Set<String> lowerCase(Set<String> addresses) {
    return addresses.stream()
        .map(address -> address.trim().toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }
}
