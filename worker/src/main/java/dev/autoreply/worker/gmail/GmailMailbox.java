package dev.autoreply.worker.gmail;

import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.Draft;
import com.google.api.services.gmail.model.History;
import com.google.api.services.gmail.model.HistoryMessageAdded;
import com.google.api.services.gmail.model.Label;
import com.google.api.services.gmail.model.ListHistoryResponse;
import com.google.api.services.gmail.model.ListLabelsResponse;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.ModifyMessageRequest;
import com.google.api.services.gmail.model.Thread;
import com.google.api.services.gmail.model.WatchRequest;
import com.google.api.services.gmail.model.WatchResponse;
import dev.autoreply.worker.mail.ReplyComposer;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
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
  /** Upper bound of maxResults in users.messages.list, from the Gmail API reference. */
  static final int MAX_LIST_PAGE_SIZE = 500;
  private static final long SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();
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

  /** Creates the calls of the mailbox {@code address}, spending units from {@code quota}. */
  public GmailMailbox(Gmail gmail, String address, GmailCallPolicy policy, GmailQuota quota) {
    this(gmail, address, new GmailCallGuard(address, policy, quota));
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

  /**
   * Creates a draft of an RFC 822 message in the thread {@code threadId}, or in a new thread when
   * it is null. Like {@link #send}, the draft joins the thread only if it also carries matching
   * In-Reply-To, References and Subject headers. A repeated request would create a second draft,
   * so only errors that prove Gmail did not process the request are retried.
   *
   * @return the id of the new draft, not the id of the message inside it
   */
  public String createDraft(byte[] rfc822, String threadId) throws IOException {
    Objects.requireNonNull(rfc822, "rfc822");
    Message message = new Message().setRaw(encodeBase64Url(rfc822)).setThreadId(threadId);
    Draft draft = new Draft().setMessage(message);
    Draft created = guard.send("drafts.create", "draft in thread " + threadId,
        () -> gmail.users().drafts().create(address, draft).execute());
    if (created.getId() == null) {
      throw new IOException("Gmail drafts.create in mailbox " + address + " returned no draft id");
    }
    log.info("Gmail created draft {} in thread {} of mailbox {}", created.getId(), threadId,
        address);
    return created.getId();
  }

  /**
   * Checks whether a message in the thread carries {@code X-Autoreply-Origin: originMessageId},
   * the marker that {@link ReplyComposer} puts on the worker's replies. Call it before
   * sending again after a send whose outcome is unknown. Drafts in the thread count too, since
   * Gmail returns them with the thread's messages. It reads users.threads.get with
   * format=metadata and only that header, 10 quota units.
   *
   * @param originMessageId the Message-ID of the mail that the reply is for, with or without the
   *     angle brackets
   * @return false also when the thread does not exist (404)
   */
  public boolean threadHasReplyTo(String threadId, String originMessageId) throws IOException {
    Objects.requireNonNull(threadId, "threadId");
    Objects.requireNonNull(originMessageId, "originMessageId");
    Thread thread;
    try {
      thread = guard.read("threads.get", "thread " + threadId,
          () -> gmail.users().threads().get(address, threadId)
              .setFormat("metadata")
              .setMetadataHeaders(List.of(ReplyComposer.ORIGIN_HEADER))
              .execute());
    } catch (IOException error) {
      if (GmailErrors.isStatus(error, 404)) {
        log.debug("Gmail thread {} not found in mailbox {}", threadId, address);
        return false;
      }
      throw error;
    }
    return ReplyMarkers.anyCarries(thread, ReplyComposer.ORIGIN_HEADER, originMessageId);
  }

  /** Gmail label that marks mail left for a person to reply to. */
  public static final String REVIEW_LABEL = "autoreply/review";

  private volatile String reviewLabelId;

  /**
   * Adds the label {@link #REVIEW_LABEL} to a message, creating the label on first use, so the
   * support team finds the mail the worker left for a person (users.messages.modify, 5 units).
   */
  public void labelForReview(String messageId) throws IOException {
    Objects.requireNonNull(messageId, "messageId");
    String labelId = reviewLabelId();
    ModifyMessageRequest request = new ModifyMessageRequest().setAddLabelIds(List.of(labelId));
    guard.read("messages.modify", "message " + messageId,
        () -> gmail.users().messages().modify(address, messageId, request).execute());
  }

  private String reviewLabelId() throws IOException {
    String cached = reviewLabelId;
    if (cached != null) {
      return cached;
    }
    ListLabelsResponse labels = guard.read("labels.list", "labels",
        () -> gmail.users().labels().list(address).execute());
    if (labels.getLabels() != null) {
      for (Label label : labels.getLabels()) {
        if (REVIEW_LABEL.equals(label.getName())) {
          reviewLabelId = label.getId();
          return label.getId();
        }
      }
    }
    Label created = guard.read("labels.create", "label " + REVIEW_LABEL,
        () -> gmail.users().labels().create(address, new Label().setName(REVIEW_LABEL)
            .setLabelListVisibility("labelShow").setMessageListVisibility("show")).execute());
    log.info("Created the Gmail label {} in mailbox {}", REVIEW_LABEL, address);
    reviewLabelId = created.getId();
    return created.getId();
  }

  /**
   * Lists the ids of the thread's messages, oldest first, with users.threads.get and
   * format=minimal (10 quota units).
   *
   * @return an empty list when the thread does not exist (404)
   */
  public List<String> threadMessageIds(String threadId) throws IOException {
    Objects.requireNonNull(threadId, "threadId");
    Thread thread;
    try {
      thread = guard.read("threads.get", "thread " + threadId,
          () -> gmail.users().threads().get(address, threadId).setFormat("minimal").execute());
    } catch (IOException error) {
      if (GmailErrors.isStatus(error, 404)) {
        return List.of();
      }
      throw error;
    }
    if (thread.getMessages() == null) {
      return List.of();
    }
    return thread.getMessages().stream().map(message -> message.getId()).toList();
  }

  /**
   * Starts or renews the push notifications of this mailbox with users.watch. Gmail publishes
   * a notification to {@code topicName} whenever a message with one of {@code labelIds} changes,
   * until the returned expiration, so the watch must be renewed before then.
   *
   * @param topicName Pub/Sub topic, {@code projects/P/topics/T}; Gmail must have publish rights
   * @param labelIds labels to watch, e.g. [INBOX], or empty to watch every change of the mailbox
   */
  public GmailWatch watch(String topicName, List<String> labelIds) throws IOException {
    Objects.requireNonNull(topicName, "topicName");
    WatchRequest request = new WatchRequest().setTopicName(topicName);
    if (!labelIds.isEmpty()) {
      request.setLabelIds(List.copyOf(labelIds)).setLabelFilterBehavior("INCLUDE");
    }
    WatchResponse response = guard.read("users.watch", "topic " + topicName,
        () -> gmail.users().watch(address, request).execute());
    if (response.getHistoryId() == null || response.getExpiration() == null) {
      throw new IOException("Gmail users.watch of mailbox " + address
          + " returned no historyId or expiration");
    }
    GmailWatch watch = new GmailWatch(response.getHistoryId(),
        Instant.ofEpochMilli(response.getExpiration()));
    log.info("Gmail watch of mailbox {} on topic {} runs until {}, history id {}", address,
        topicName, watch.expiration(), watch.historyId());
    return watch;
  }

  /**
   * Lists the ids of INBOX messages received within {@code window}, newest first as Gmail returns
   * them, following pages until {@code max} ids or the last page. Gmail's query
   * {@code newer_than:} counts whole days, so the window is rounded up to days.
   *
   * @param max upper bound of the returned ids, at least 1
   */
  public List<String> listRecentInbox(Duration window, int max) throws IOException {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, got " + max);
    }
    String query = "newer_than:" + wholeDays(window) + "d";
    List<String> ids = new ArrayList<>();
    Set<String> seenPageTokens = new HashSet<>();
    String pageToken = null;
    do {
      long pageSize = Math.min(MAX_LIST_PAGE_SIZE, max - ids.size());
      ListMessagesResponse page = listMessagesPage(query, pageSize, pageToken);
      if (page.getMessages() != null) {
        for (Message message : page.getMessages()) {
          if (message.getId() != null && ids.size() < max) {
            ids.add(message.getId());
          }
        }
      }
      pageToken = page.getNextPageToken();
      if (pageToken != null && !seenPageTokens.add(pageToken)) {
        throw new IOException("Gmail messages.list of mailbox " + address
            + " returned page token " + pageToken + " twice; stopped to avoid a loop");
      }
    } while (pageToken != null && ids.size() < max);
    log.debug("Gmail INBOX of mailbox {} has {} messages matching {} (max {})", address,
        ids.size(), query, max);
    return ids;
  }

  private ListMessagesResponse listMessagesPage(String query, long pageSize, String pageToken)
      throws IOException {
    String target = "query " + query + ", page token " + pageToken;
    return guard.read("messages.list", target, () -> gmail.users().messages().list(address)
        .setLabelIds(List.of(INBOX))
        .setQ(query)
        .setMaxResults(pageSize)
        .setPageToken(pageToken)
        .execute());
  }

  private static long wholeDays(Duration window) {
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, got " + window);
    }
    long seconds = window.toSeconds() + (window.getNano() > 0 ? 1 : 0);
    return (seconds + SECONDS_PER_DAY - 1) / SECONDS_PER_DAY;
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
