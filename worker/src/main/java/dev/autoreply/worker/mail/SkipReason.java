package dev.autoreply.worker.mail;

/**
 * Reason a message must not get an automatic reply. {@link #code()} values are stable lower_snake
 * labels for metrics and logs; renaming one breaks dashboards.
 */
public enum SkipReason {
  /** Carries our own X-Autoreply-Origin marker, so it is one of our replies come back. */
  ALREADY_AUTO_REPLIED("already_auto_replied"),
  /** A multipart/report (delivery status, read receipt, feedback report) or a report part. */
  DELIVERY_REPORT("delivery_report"),
  /** From or Return-Path is MAILER-DAEMON or postmaster: a bounce. */
  MAILER_DAEMON("mailer_daemon"),
  /** Auto-Submitted is present with a value other than {@code no} (RFC 3834 section 5). */
  AUTO_SUBMITTED("auto_submitted"),
  /** A vendor auto-reply marker: X-Apple-Action: VACATION, X-Autoreply, Precedence: auto_reply and similar. */
  VENDOR_AUTO_REPLY("vendor_auto_reply"),
  /** Return-Path is the null reverse-path {@code <>}, which marks notifications. */
  NULL_SENDER("null_sender"),
  /** A mailing-list field (List-Id, List-Unsubscribe or another RFC 2369 List-* field). */
  MAILING_LIST("mailing_list"),
  /** Precedence: bulk, list or junk. */
  BULK_PRECEDENCE("bulk_precedence"),
  /** The sender or the reply target is one of the tenant's own mailboxes. */
  OWN_ADDRESS("own_address"),
  /** The reply target is a no-reply address such as noreply@ or do-not-reply@. */
  NO_REPLY_SENDER("no_reply_sender"),
  /** X-Auto-Response-Suppress requests no auto-replies (All or AutoReply). */
  AUTO_RESPONSE_SUPPRESSED("auto_response_suppressed"),
  /** No usable From address, so a reply has no recipient. */
  NO_SENDER("no_sender");

  private final String code;

  SkipReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
