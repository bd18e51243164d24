package dev.autoreply.worker.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Builds our reply to an inbound message as RFC 5322 bytes, threaded with In-Reply-To and
 * References (RFC 5322 section 3.6.4) and marked as an automatic reply (RFC 3834).
 */
public final class ReplyComposer {

  /** Field that carries the parent's Message-ID on our replies, so a reply that comes back is recognised. */
  public static final String ORIGIN_HEADER = "X-Autoreply-Origin";

  /**
   * Maximum number of ids in References: the first (the thread root) and the latest ones. RFC 5322
   * sets no limit, so this cap is ours and only keeps a hostile chain from growing the header.
   */
  static final int MAX_REFERENCES = 50;

  // Only the Latin "Re:" forms (also "RE:", "Re[2]:", "Re :") count as a reply prefix. RFC 5322
  // section 3.6.5 names "Re: " as the reply marker. Localised prefixes (AW:, SV:, Antw:) are not
  // matched, because words like "SV:" also start ordinary subjects. Prepending "Re: " to them is
  // harmless.
  private static final Pattern REPLY_PREFIX = Pattern.compile("(?i)^re(\\[\\d{1,9}])?\\s*:");

  private final Clock clock;
  private final Session session;

  public ReplyComposer() {
    this(Clock.systemUTC());
  }

  /** Creates a composer that stamps the Date field from {@code clock}. */
  public ReplyComposer(Clock clock) {
    this.clock = clock;
    Properties properties = new Properties();
    properties.setProperty("mail.mime.allowutf8", "true");
    this.session = Session.getInstance(properties);
  }

  /**
   * Composes the reply from {@code mailbox} (the tenant's address) to {@code parent}, with
   * {@code replyText} as its UTF-8 text/plain body.
   *
   * @throws IllegalArgumentException if {@code mailbox} is not a valid address, or the parent has
   *     neither a Reply-To nor a From address
   */
  public byte[] compose(InboundMail parent, String mailbox, String replyText) {
    InternetAddress from = mailboxAddress(mailbox);
    List<InternetAddress> recipients = recipients(parent);
    String domain = Addresses.domain(from.getAddress());
    try {
      MimeMessage message = new ReplyMessage(session, "<" + UUID.randomUUID() + "@" + domain + ">");
      message.setFrom(from);
      message.setRecipients(Message.RecipientType.TO, recipients.toArray(InternetAddress[]::new));
      message.setSubject(replySubject(parent.subject()), "UTF-8");
      message.setSentDate(Date.from(clock.instant()));
      setThreadHeaders(message, parent);
      message.setHeader("Auto-Submitted", "auto-replied");
      // Asks Exchange and Outlook responders not to respond to our reply with an out-of-office notice.
      message.setHeader("X-Auto-Response-Suppress", "All");
      message.setText(replyText == null ? "" : replyText, "UTF-8");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      message.writeTo(out);
      return out.toByteArray();
    } catch (MessagingException e) {
      throw new IllegalStateException("Failed to compose the reply to " + parent.messageId(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the reply subject: {@code subject} unchanged when it already starts with a Re: form. */
  static String replySubject(String subject) {
    String trimmed = subject == null ? "" : subject.strip();
    if (REPLY_PREFIX.matcher(trimmed).find()) {
      return trimmed;
    }
    return trimmed.isEmpty() ? "Re:" : "Re: " + trimmed;
  }

  /**
   * Returns the References of the reply: the parent's References, or its single In-Reply-To id when
   * it has no References, followed by the parent's Message-ID. Duplicates are dropped, and past
   * {@link #MAX_REFERENCES} the oldest ids after the first are dropped.
   */
  static List<String> replyReferences(InboundMail parent) {
    Set<String> ids = new LinkedHashSet<>(parent.references());
    if (ids.isEmpty() && parent.inReplyTo() != null) {
      ids.add(parent.inReplyTo());
    }
    if (parent.messageId() != null) {
      ids.remove(parent.messageId());
      ids.add(parent.messageId());
    }
    List<String> all = new ArrayList<>(ids);
    if (all.size() <= MAX_REFERENCES) {
      return all;
    }
    List<String> kept = new ArrayList<>(MAX_REFERENCES);
    kept.add(all.get(0));
    kept.addAll(all.subList(all.size() - (MAX_REFERENCES - 1), all.size()));
    return kept;
  }

  private static void setThreadHeaders(MimeMessage message, InboundMail parent) throws MessagingException {
    String parentId = parent.messageId();
    if (parentId != null) {
      message.setHeader("In-Reply-To", parentId);
      message.setHeader(ORIGIN_HEADER, parentId);
    }
    List<String> references = replyReferences(parent);
    if (!references.isEmpty()) {
      message.setHeader("References", MimeUtility.fold("References: ".length(), String.join(" ", references)));
    }
  }

  private static InternetAddress mailboxAddress(String mailbox) {
    try {
      InternetAddress address = new InternetAddress(mailbox, true);
      if (Addresses.domain(address.getAddress()) == null) {
        throw new IllegalArgumentException("Invalid mailbox address, missing domain: " + mailbox);
      }
      return address;
    } catch (jakarta.mail.internet.AddressException e) {
      throw new IllegalArgumentException("Invalid mailbox address: " + mailbox, e);
    }
  }

  // Addresses come from the parsed parent, so they may carry RFC 6532 UTF-8 that strict parsing
  // rejects. Anything with whitespace or control characters is rejected to prevent header injection.
  private static List<InternetAddress> recipients(InboundMail parent) {
    List<InternetAddress> recipients = new ArrayList<>();
    for (String address : parent.replyRecipients()) {
      if (address.chars().anyMatch(c -> c <= 0x20 || c == 0x7F) || Addresses.domain(address) == null) {
        throw new IllegalArgumentException("Invalid reply recipient address: " + address);
      }
      InternetAddress recipient = new InternetAddress();
      recipient.setAddress(address);
      recipients.add(recipient);
    }
    if (recipients.isEmpty()) {
      throw new IllegalArgumentException(
          "Message " + parent.messageId() + " has neither Reply-To nor From, so a reply has no recipient");
    }
    return recipients;
  }

  /** A MimeMessage that keeps our Message-ID, which {@link MimeMessage#saveChanges()} would replace. */
  private static final class ReplyMessage extends MimeMessage {
    private final String messageId;

    ReplyMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
