package dev.autoreply.worker.gmail;

import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.History;
import com.google.api.services.gmail.model.HistoryMessageAdded;
import com.google.api.services.gmail.model.ListHistoryResponse;
import com.google.api.services.gmail.model.Message;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gmail API calls of one mailbox, each run through the mailbox's {@link GmailCallGuard}. All
 * methods throw {@link IOException} once retries are spent; {@link GmailUnavailableException}
 * while the circuit breaker is open.
 */
public final class GmailMailbox {

  static final String INBOX = "INBOX";
  private static final String MESSAGE_ADDED = "messageAdded";
  private static final Logger log = LoggerFactory.getLogger(GmailMailbox.class);

  private final Gmail gmail;
  private final String address;
  private final GmailCallGuard guard;

  /**
   * Creates the calls of the mailbox {@code address}.
   *
   * @param address the mailbox address, used as Gmail userId, or "me" for the credentials' owner
   */
  public GmailMailbox(Gmail gmail, String address, GmailCallGuard guard) {
    this.gmail = Objects.requireNonNull(gmail, "gmail");
    this.address = Objects.requireNonNull(address, "address");
    this.guard = Objects.requireNonNull(guard, "guard");
  }

  public GmailMailbox(Gmail gmail, String address, GmailCallPolicy policy) {
    this(gmail, address, new GmailCallGuard(address, policy));
  }

  public String address() {
    return address;
  }

  public GmailCallGuard guard() {
    return guard;
  }

  /** Reads the mailbox's current history id with users.getProfile. */
  public BigInteger currentHistoryId() throws IOException {
    return guard.read("users.getProfile", "profile",
        () -> gmail.users().getProfile(address).execute().getHistoryId());
  }

  /**
   * Lists the messages added to INBOX after {@code startHistoryId}, following every page.
   *
   * @throws HistoryExpiredException if Gmail no longer keeps history from {@code startHistoryId}
   */
  public HistoryDelta listAddedSince(BigInteger startHistoryId) throws IOException {
    Objects.requireNonNull(startHistoryId, "startHistoryId");
    Set<String> added = new LinkedHashSet<>();
    Set<String> seenPageTokens = new HashSet<>();
    BigInteger newest = startHistoryId;
    String pageToken = null;
    do {
      ListHistoryResponse page = listHistoryPage(startHistoryId, pageToken);
      collectAdded(page, added);
      newest = max(newest, newestHistoryId(page));
      pageToken = page.getNextPageToken();
      if (pageToken != null && !seenPageTokens.add(pageToken)) {
        throw new IOException("Gmail history.list of mailbox " + address
            + " returned page token " + pageToken + " twice; stopped to avoid a loop");
      }
    } while (pageToken != null);
    log.debug("Gmail history of mailbox {} since {}: {} added messages, newest history id {}",
        address, startHistoryId, added.size(), newest);
    return new HistoryDelta(new ArrayList<>(added), newest);
  }

  /**
   * Fetches a message with format=RAW.
   *
   * @throws MessageNotFoundException if the mailbox has no message {@code messageId}
   */
  public RawMessage fetchRaw(String messageId) throws IOException {
    Objects.requireNonNull(messageId, "messageId");
    Message message;
    try {
      message = guard.read("messages.get", "message " + messageId,
          () -> gmail.users().messages().get(address, messageId).setFormat("raw").execute());
    } catch (IOException error) {
      if (GmailErrors.isStatus(error, 404)) {
        throw new MessageNotFoundException(address, messageId, error);
      }
      throw error;
    }
    return toRawMessage(messageId, message);
  }

  /**
   * Sends an RFC 822 message into the thread {@code threadId}, or a new thread when it is null.
   * For the reply to join the thread, the message must also carry In-Reply-To and References
   * headers and a matching Subject, as Gmail requires.
   *
   * @return the id of the sent message
   */
  public String send(byte[] rfc822, String threadId) throws IOException {
    Objects.requireNonNull(rfc822, "rfc822");
    Message outgoing = new Message().setRaw(encodeBase64Url(rfc822)).setThreadId(threadId);
    Message sent = guard.send("messages.send", "reply in thread " + threadId,
        () -> gmail.users().messages().send(address, outgoing).execute());
    log.info("Gmail sent message {} in thread {} of mailbox {}", sent.getId(), sent.getThreadId(),
        address);
    return sent.getId();
  }

  private ListHistoryResponse listHistoryPage(BigInteger startHistoryId, String pageToken)
      throws IOException {
    try {
      String target = "start history id " + startHistoryId + ", page token " + pageToken;
      return guard.read("history.list", target, () -> gmail.users().history().list(address)
          .setStartHistoryId(startHistoryId)
          .setHistoryTypes(List.of(MESSAGE_ADDED))
          .setLabelId(INBOX)
          .setPageToken(pageToken)
          .execute());
    } catch (IOException error) {
      if (GmailErrors.isStatus(error, 404)) {
        throw new HistoryExpiredException(address, startHistoryId, error);
      }
      throw error;
    }
  }

  private static void collectAdded(ListHistoryResponse page, Set<String> added) {
    if (page.getHistory() == null) {
      return;
    }
    for (History record : page.getHistory()) {
      if (record.getMessagesAdded() == null) {
        continue;
      }
      for (HistoryMessageAdded entry : record.getMessagesAdded()) {
        if (entry.getMessage() != null && entry.getMessage().getId() != null) {
          added.add(entry.getMessage().getId());
        }
      }
    }
  }

  private static BigInteger newestHistoryId(ListHistoryResponse page) {
    BigInteger newest = page.getHistoryId();
    if (page.getHistory() != null) {
      for (History record : page.getHistory()) {
        newest = max(newest, record.getId());
      }
    }
    return newest;
  }

  private RawMessage toRawMessage(String messageId, Message message) throws IOException {
    if (message.getRaw() == null || message.getThreadId() == null) {
      throw new IOException("Gmail messages.get of message " + messageId + " in mailbox "
          + address + " returned no raw content or thread id");
    }
    List<String> labels = message.getLabelIds() == null ? List.of() : message.getLabelIds();
    return new RawMessage(messageId, message.getThreadId(), decodeBase64Url(message.getRaw()),
        labels);
  }

  private static BigInteger max(BigInteger a, BigInteger b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a.max(b);
  }

  static String encodeBase64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  // Gmail sends base64url; the translation also accepts the standard alphabet, with or without
  // padding, so that a server sending either decodes the same.
  static byte[] decodeBase64Url(String encoded) {
    String urlSafe = encoded.strip().replace('+', '-').replace('/', '_');
    return Base64.getUrlDecoder().decode(urlSafe);
  }
}
