package dev.autoreply.worker.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A parsed inbound message: the addresses, thread ids and decoded text that the loop-safety filter,
 * the drafting step and {@link ReplyComposer} need.
 *
 * <p>Addresses are bare addr-specs ({@code local@domain}) without display names. Message ids keep
 * their angle brackets and are always well-formed; malformed ids are dropped by the parser.
 *
 * @param messageId the Message-ID, or null when absent or malformed
 * @param from the first From address, or null when absent or unparseable
 * @param replyTo the Reply-To addresses, empty when absent
 * @param to the To addresses
 * @param cc the Cc addresses
 * @param subject the decoded Subject, or null when absent
 * @param inReplyTo the first well-formed id of In-Reply-To, or null
 * @param references the well-formed ids of all References fields, in order, without duplicates
 * @param returnPath the address inside the topmost Return-Path, {@code ""} for the null path
 *     {@code <>}, or null when the field is absent
 * @param bodyText the decoded body text with {@code \n} line ends, empty when the message has none
 * @param bodyTruncated whether the body text was cut at the parser's maximum length
 * @param sizeBytes the size of the raw message in bytes
 * @param mimeType the lower-case base type of the top-level Content-Type, e.g. {@code multipart/report}
 * @param partMimeTypes the lower-case base types of every MIME part that was visited
 * @param headers the unfolded header values by lower-case field name; each list is in message order
 * @param decodeFailure why the message could not be decoded, or null when it was
 */
public record InboundMail(
    String messageId,
    String from,
    List<String> replyTo,
    List<String> to,
    List<String> cc,
    String subject,
    String inReplyTo,
    List<String> references,
    String returnPath,
    String bodyText,
    boolean bodyTruncated,
    long sizeBytes,
    String mimeType,
    Set<String> partMimeTypes,
    Map<String, List<String>> headers,
    String decodeFailure) {

  public InboundMail {
    replyTo = List.copyOf(replyTo);
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    references = List.copyOf(references);
    bodyText = bodyText == null ? "" : bodyText;
    partMimeTypes = Set.copyOf(partMimeTypes);
    headers = headers.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> List.copyOf(entry.getValue())));
  }

  /** Returns every value of the header field {@code name}, matched case-insensitively. */
  public List<String> headerValues(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** Returns the first value of the header field {@code name}, or null when it is absent. */
  public String header(String name) {
    List<String> values = headerValues(name);
    return values.isEmpty() ? null : values.get(0);
  }

  /** Returns whether the header field {@code name} is present, even with an empty value. */
  public boolean hasHeader(String name) {
    return !headerValues(name).isEmpty();
  }

  /** Returns whether the parser decoded the message; when false, {@link #decodeFailure()} contains the reason. */
  public boolean decoded() {
    return decodeFailure == null;
  }

  /** Returns the addresses a reply goes to: Reply-To when present, else From, else none. */
  public List<String> replyRecipients() {
    if (!replyTo.isEmpty()) {
      return replyTo;
    }
    return from == null ? List.of() : List.of(from);
  }
}
