package dev.autoreply.worker.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.autoreply.worker.testing.FakeGmailServerMailbox.HistoryRecord;
import dev.autoreply.worker.testing.FakeGmailServerMailbox.StoredDraft;
import dev.autoreply.worker.testing.FakeGmailServerMailbox.StoredMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Gmail REST API v1 on 127.0.0.1, with mailboxes in memory. Serves users.getProfile,
 * users.history.list (messageAdded records only), users.messages.get with format=raw,
 * users.messages.send, users.messages.list (labelIds and the newer_than: query only),
 * users.threads.get (format=metadata and minimal), users.drafts.create and users.watch, under the
 * paths that the Java client calls: ROOT/gmail/v1/users/.... Every request needs the header
 * "Authorization: Bearer test-token". Sent messages and drafts join the thread of their request.
 * With {@link #enforceQuota} it also enforces a per-mailbox quota like Gmail's per-user limit.
 */
public final class FakeGmailServer implements AutoCloseable {

  public static final String ACCESS_TOKEN = "test-token";
  public static final BigInteger FIRST_HISTORY_ID = BigInteger.valueOf(1000);
  /** Lifetime of the watches this fake starts, the 7 days that Gmail gives a watch. */
  public static final Duration WATCH_LIFETIME = Duration.ofDays(7);

  private static final Pattern USER_PATH = Pattern.compile("/gmail/v1/users/([^/]+)/(.+)");
  private static final Pattern MESSAGE_PATH = Pattern.compile("messages/([^/]+)");
  private static final Pattern MODIFY_PATH = Pattern.compile("messages/[^/]+/modify");
  private static final Pattern THREAD_PATH = Pattern.compile("threads/([^/]+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An error response to send instead of serving the next request. */
  private record Failure(int status, String reason, Map<String, String> headers) {
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Map<String, FakeGmailServerMailbox> mailboxes = new ConcurrentHashMap<>();
  private final List<FakeGmailServerRequest> requests = new CopyOnWriteArrayList<>();
  private final Deque<Failure> failures = new ArrayDeque<>();
  private final AtomicLong nextMessageId = new AtomicLong(0x18c0000000000000L);
  private final AtomicInteger lostSendResponses = new AtomicInteger();
  private final AtomicLong lostSendResponsesDone = new AtomicLong();
  private volatile Consumer<FakeGmailServerSentMessage> sendListener = sent -> { };
  private volatile int defaultPageSize = 3;
  private volatile Clock clock = Clock.systemUTC();
  /** Quota units per second per mailbox, or 0 when the quota is not enforced. */
  private volatile int quotaUnitsPerSecond;

  private FakeGmailServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::dispatch);
    server.setExecutor(executor);
  }

  /** Starts a server on a free port of 127.0.0.1. */
  public static FakeGmailServer start() throws IOException {
    FakeGmailServer fake = new FakeGmailServer();
    fake.server.start();
    return fake;
  }

  /** Returns the root URL to pass to the Gmail client, with a trailing slash. */
  public String rootUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /**
   * Delivers a message to INBOX: assigns an id, stores the bytes and adds a messageAdded
   * history record, which bumps the mailbox history id by one.
   *
   * @param threadId thread to put the message in, or null for a new thread named by the id
   * @return the new message id
   */
  public String deliver(String mailbox, byte[] raw, String threadId) {
    return deliver(mailbox, raw, threadId, clock.instant());
  }

  /**
   * Same as {@link #deliver(String, byte[], String)} with a receive time of {@code receivedAt},
   * which users.messages.list compares with newer_than:.
   */
  public String deliver(String mailbox, byte[] raw, String threadId, Instant receivedAt) {
    String id = Long.toHexString(nextMessageId.getAndIncrement());
    String thread = threadId == null ? id : threadId;
    FakeGmailServerMailbox box = mailbox(mailbox);
    synchronized (box) {
      box.add(new StoredMessage(id, thread, raw.clone(), List.of("INBOX", "UNREAD"),
          receivedAt));
    }
    return id;
  }

  /** Sets the clock of receive times, newer_than: queries and watch expirations. */
  public void setClock(Clock clock) {
    this.clock = clock;
  }

  public BigInteger historyId(String mailbox) {
    FakeGmailServerMailbox box = mailbox(mailbox);
    synchronized (box) {
      return box.historyId();
    }
  }

  /** Makes history.list return 404 for start history ids below {@code floor}. */
  public void setRetentionFloor(String mailbox, BigInteger floor) {
    FakeGmailServerMailbox box = mailbox(mailbox);
    synchronized (box) {
      box.setRetentionFloor(floor);
    }
  }

  /** Sets the page size of history.list when the request has no maxResults. */
  public void setDefaultPageSize(int pageSize) {
    defaultPageSize = pageSize;
  }

  /** Returns the messages sent from {@code mailbox} through messages.send, oldest first. */
  public List<FakeGmailServerSentMessage> sent(String mailbox) {
    FakeGmailServerMailbox box = mailbox(mailbox);
    synchronized (box) {
      return box.messagesWithLabel("SENT").stream()
          .map(m -> new FakeGmailServerSentMessage(m.id(), m.threadId(), m.raw().clone()))
          .toList();
    }
  }

  /** Returns the drafts created in {@code mailbox} through drafts.create, oldest first. */
  public List<FakeGmailServerDraft> drafts(String mailbox) {
    FakeGmailServerMailbox box = mailbox(mailbox);
    synchronized (box) {
      return box.drafts().stream()
          .map(draft -> {
            StoredMessage message = box.message(draft.messageId());
            return new FakeGmailServerDraft(draft.id(), message.id(), message.threadId(),
                message.raw().clone());
          })
          .toList();
    }
  }

  /** Returns the users.watch calls that {@code mailbox} accepted, oldest first. */
  public List<FakeGmailServerWatch> watches(String mailbox) {
    FakeGmailServerMailbox box = mailbox(mailbox);
    synchronized (box) {
      return box.watches();
    }
  }

  /**
   * Enforces a quota of {@code unitsPerSecond} per mailbox over a sliding second of real time,
   * with the per-method costs of Gmail's usage limits page. A request over the quota receives
   * 429 with reason rateLimitExceeded and spends no units. Pass 0 to stop enforcing.
   */
  public void enforceQuota(int unitsPerSecond) {
    quotaUnitsPerSecond = unitsPerSecond;
  }

  /** Counts the requests of {@code mailbox} that the enforced quota rejected with 429. */
  public long quotaRejections(String mailbox) {
    FakeGmailServerMailbox box = mailbox(mailbox);
    synchronized (box) {
      return box.quotaRejections();
    }
  }

  /** Returns every request received so far, including those that received an injected failure. */
  public List<FakeGmailServerRequest> requests() {
    return List.copyOf(requests);
  }

  /** Counts requests with {@code method} whose path ends with {@code pathSuffix}. */
  public long requestCount(String method, String pathSuffix) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix))
        .count();
  }

  /** Fails the next {@code count} requests with {@code status} and Google's JSON error body. */
  public void failNext(int count, int status, Map<String, String> headers) {
    failNext(count, status, defaultReason(status), headers);
  }

  /** Same as {@link #failNext(int, int, Map)} with the given reason in errors[0].reason. */
  public synchronized void failNext(
      int count, int status, String reason, Map<String, String> headers) {
    for (int i = 0; i < count; i++) {
      failures.add(new Failure(status, reason, Map.copyOf(headers)));
    }
  }

  /**
   * Makes the next {@code count} messages.send calls store the message and then close the
   * connection without a response, like a send that Gmail performed whose response was lost.
   */
  public void loseNextSendResponses(int count) {
    lostSendResponses.addAndGet(count);
  }

  /** Calls {@code listener} on the server thread with every message that messages.send stores. */
  public void onSend(Consumer<FakeGmailServerSentMessage> listener) {
    sendListener = listener;
  }

  /** Counts the sends whose response was lost on purpose so far. */
  public long lostSendResponseCount() {
    return lostSendResponsesDone.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private FakeGmailServerMailbox mailbox(String address) {
    return mailboxes.computeIfAbsent(address,
        a -> new FakeGmailServerMailbox(a, FIRST_HISTORY_ID));
  }

  private synchronized Failure nextFailure() {
    return failures.poll();
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      String rawQuery = exchange.getRequestURI().getRawQuery();
      Map<String, String> query = parseQuery(rawQuery);
      requests.add(new FakeGmailServerRequest(exchange.getRequestMethod(), path, query));
      route(exchange, path, query, rawQuery);
    } catch (RuntimeException e) {
      sendError(exchange, 500, "backendError", "fake server error: " + e, Map.of());
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange, String path, Map<String, String> query,
      String rawQuery) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (!("Bearer " + ACCESS_TOKEN).equals(authorization)) {
      sendError(exchange, 401, "authError", "Request had invalid authentication credentials.",
          Map.of());
      return;
    }
    Failure failure = nextFailure();
    if (failure != null) {
      sendError(exchange, failure.status(), failure.reason(), "injected failure",
          failure.headers());
      return;
    }
    Matcher user = USER_PATH.matcher(path);
    if (!user.matches()) {
      sendNotFound(exchange);
      return;
    }
    FakeGmailServerMailbox box = mailbox(user.group(1));
    String resource = user.group(2);
    String method = exchange.getRequestMethod();
    if (!withinQuota(box, method, resource)) {
      sendError(exchange, 429, "rateLimitExceeded", "User-rate limit exceeded.", Map.of());
      return;
    }
    Matcher message = MESSAGE_PATH.matcher(resource);
    Matcher thread = THREAD_PATH.matcher(resource);
    if (method.equals("GET") && resource.equals("profile")) {
      sendJson(exchange, 200, profile(box));
    } else if (method.equals("GET") && resource.equals("history")) {
      listHistory(exchange, box, query);
    } else if (method.equals("POST") && resource.equals("messages/send")) {
      sendMessage(exchange, box);
    } else if (method.equals("GET") && resource.equals("messages")) {
      listMessages(exchange, box, query, queryValues(rawQuery, "labelIds"));
    } else if (method.equals("POST") && resource.equals("drafts")) {
      createDraft(exchange, box);
    } else if (method.equals("POST") && resource.equals("watch")) {
      watch(exchange, box);
    } else if (method.equals("GET") && resource.equals("labels")) {
      listLabels(exchange, box);
    } else if (method.equals("POST") && resource.equals("labels")) {
      createLabel(exchange, box);
    } else if (method.equals("POST") && MODIFY_PATH.matcher(resource).matches()) {
      modifyMessage(exchange, box, resource.substring("messages/".length(), resource.length() - "/modify".length()));
    } else if (method.equals("GET") && message.matches()) {
      getMessage(exchange, box, message.group(1));
    } else if (method.equals("GET") && thread.matches()) {
      getThread(exchange, box, thread.group(1), query, queryValues(rawQuery, "metadataHeaders"));
    } else {
      sendNotFound(exchange);
    }
  }

  private boolean withinQuota(FakeGmailServerMailbox box, String method, String resource) {
    int limit = quotaUnitsPerSecond;
    if (limit <= 0) {
      return true;
    }
    int units = quotaUnits(method, resource);
    synchronized (box) {
      return box.tryConsumeQuota(System.nanoTime(), units, limit);
    }
  }

  /** Returns the cost of a request in quota units, from Gmail's usage limits page. */
  private static int quotaUnits(String method, String resource) {
    if (method.equals("POST")) {
      return switch (resource) {
        case "messages/send", "watch" -> 100;
        case "drafts" -> 10;
        default -> 1;
      };
    }
    if (resource.equals("profile")) {
      return 1;
    }
    if (resource.equals("history")) {
      return 2;
    }
    return resource.startsWith("threads/") ? 10 : 5;
  }

  private ObjectNode profile(FakeGmailServerMailbox box) {
    synchronized (box) {
      ObjectNode body = JSON.createObjectNode();
      body.put("emailAddress", box.address());
      body.put("messagesTotal", box.messagesWithLabel("INBOX").size());
      body.put("historyId", box.historyId().toString());
      return body;
    }
  }

  private void listHistory(HttpExchange exchange, FakeGmailServerMailbox box,
      Map<String, String> query) throws IOException {
    BigInteger start;
    try {
      start = new BigInteger(query.getOrDefault("startHistoryId", ""));
    } catch (NumberFormatException e) {
      sendError(exchange, 400, "invalidArgument", "Invalid startHistoryId", Map.of());
      return;
    }
    String historyTypes = query.get("historyTypes");
    int pageSize = Integer.parseInt(query.getOrDefault("maxResults",
        String.valueOf(defaultPageSize)));
    int offset = Integer.parseInt(query.getOrDefault("pageToken", "0"));
    List<HistoryRecord> matching;
    BigInteger current;
    synchronized (box) {
      if (start.compareTo(box.retentionFloor()) < 0) {
        sendNotFound(exchange);
        return;
      }
      boolean addedWanted = historyTypes == null || historyTypes.equals("messageAdded");
      matching = addedWanted ? box.historyAfter(start, query.get("labelId")) : List.of();
      current = box.historyId();
    }
    sendJson(exchange, 200, historyPage(matching, offset, pageSize, current));
  }

  private static ObjectNode historyPage(
      List<HistoryRecord> matching, int offset, int pageSize, BigInteger current) {
    ObjectNode body = JSON.createObjectNode();
    int end = Math.min(matching.size(), offset + pageSize);
    if (offset < end) {
      ArrayNode history = body.putArray("history");
      for (HistoryRecord record : matching.subList(offset, end)) {
        history.add(historyRecord(record));
      }
    }
    if (end < matching.size()) {
      body.put("nextPageToken", String.valueOf(end));
    }
    body.put("historyId", current.toString());
    return body;
  }

  private static ObjectNode historyRecord(HistoryRecord record) {
    ObjectNode json = JSON.createObjectNode();
    json.put("id", record.id().toString());
    ObjectNode reference = json.putArray("messages").addObject();
    reference.put("id", record.messageId());
    reference.put("threadId", record.threadId());
    ObjectNode added = json.putArray("messagesAdded").addObject().putObject("message");
    added.put("id", record.messageId());
    added.put("threadId", record.threadId());
    ArrayNode labels = added.putArray("labelIds");
    record.labelIds().forEach(labels::add);
    return json;
  }

  private void getMessage(HttpExchange exchange, FakeGmailServerMailbox box, String id)
      throws IOException {
    StoredMessage message;
    synchronized (box) {
      message = box.message(id);
    }
    if (message == null) {
      sendNotFound(exchange);
      return;
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("id", message.id());
    body.put("threadId", message.threadId());
    ArrayNode labels = body.putArray("labelIds");
    message.labelIds().forEach(labels::add);
    body.put("sizeEstimate", message.raw().length);
    body.put("raw", Base64.getUrlEncoder().encodeToString(message.raw()));
    sendJson(exchange, 200, body);
  }

  private void getThread(HttpExchange exchange, FakeGmailServerMailbox box, String threadId,
      Map<String, String> query, List<String> metadataHeaders) throws IOException {
    List<StoredMessage> messages;
    synchronized (box) {
      messages = box.thread(threadId);
    }
    if (messages.isEmpty()) {
      sendNotFound(exchange);
      return;
    }
    ObjectNode body;
    try {
      body = FakeGmailServerThreads.thread(threadId, messages, query.get("format"),
          metadataHeaders, JSON);
    } catch (IllegalArgumentException e) {
      sendError(exchange, 400, "invalidArgument", e.getMessage(), Map.of());
      return;
    }
    sendJson(exchange, 200, body);
  }

  private void sendMessage(HttpExchange exchange, FakeGmailServerMailbox box) throws IOException {
    JsonNode request = JSON.readTree(readBody(exchange));
    String raw = request.path("raw").asText(null);
    if (raw == null || raw.isEmpty()) {
      sendError(exchange, 400, "invalidArgument", "'raw' RFC822 payload message string or"
          + " uploading message via /upload/* URL required", Map.of());
      return;
    }
    String id = Long.toHexString(nextMessageId.getAndIncrement());
    String threadId = request.path("threadId").asText(id);
    synchronized (box) {
      box.add(new StoredMessage(id, threadId, Base64.getUrlDecoder().decode(raw),
          List.of("SENT"), clock.instant()));
    }
    sendListener.accept(new FakeGmailServerSentMessage(id, threadId, Base64.getUrlDecoder().decode(raw)));
    if (lostSendResponses.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      // Closing the exchange before sendResponseHeaders makes the JDK server close the connection.
      lostSendResponsesDone.incrementAndGet();
      return;
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("id", id);
    body.put("threadId", threadId);
    body.putArray("labelIds").add("SENT");
    sendJson(exchange, 200, body);
  }

  private void listMessages(HttpExchange exchange, FakeGmailServerMailbox box,
      Map<String, String> query, List<String> labelIds) throws IOException {
    FakeGmailServerMessageQuery listing;
    try {
      listing = FakeGmailServerMessageQuery.parse(query, labelIds, clock.instant());
    } catch (IllegalArgumentException e) {
      sendError(exchange, 400, "invalidArgument", e.getMessage(), Map.of());
      return;
    }
    List<StoredMessage> matching;
    synchronized (box) {
      matching = listing.matching(box);
    }
    sendJson(exchange, 200, listing.page(matching, JSON));
  }

  /** Deletes a delivered message, so messages.get answers 404 while history still lists it. */
  public void delete(String mailbox, String messageId) {
    FakeGmailServerMailbox box = mailbox(mailbox);
    synchronized (box) {
      box.delete(messageId);
    }
  }

  /** Returns the label names added with messages.modify to a message, in order. */
  public List<String> addedLabels(String mailbox, String messageId) {
    FakeGmailServerMailbox box = mailbox(mailbox);
    synchronized (box) {
      List<String> names = new ArrayList<>();
      for (String labelId : box.addedLabelIds(messageId)) {
        names.add(box.labelName(labelId));
      }
      return names;
    }
  }

  private void listLabels(HttpExchange exchange, FakeGmailServerMailbox box) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    var labels = body.putArray("labels");
    synchronized (box) {
      box.labels().forEach((id, name) -> labels.addObject().put("id", id).put("name", name).put("type", "user"));
    }
    sendJson(exchange, 200, body);
  }

  private void createLabel(HttpExchange exchange, FakeGmailServerMailbox box) throws IOException {
    String name = JSON.readTree(readBody(exchange)).path("name").asText("");
    String id;
    synchronized (box) {
      if (box.labels().containsValue(name)) {
        sendError(exchange, 409, "failedPrecondition", "Label name exists or conflicts", Map.of());
        return;
      }
      id = box.createLabel(name);
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("id", id);
    body.put("name", name);
    body.put("type", "user");
    sendJson(exchange, 200, body);
  }

  private void modifyMessage(HttpExchange exchange, FakeGmailServerMailbox box, String messageId)
      throws IOException {
    JsonNode request = JSON.readTree(readBody(exchange));
    synchronized (box) {
      request.path("addLabelIds").forEach(id -> box.addLabel(messageId, id.asText()));
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("id", messageId);
    sendJson(exchange, 200, body);
  }

  private void createDraft(HttpExchange exchange, FakeGmailServerMailbox box) throws IOException {
    JsonNode request = JSON.readTree(readBody(exchange));
    JsonNode message = request.path("message");
    String raw = message.path("raw").asText(null);
    if (raw == null || raw.isEmpty()) {
      sendError(exchange, 400, "invalidArgument", "Missing draft message", Map.of());
      return;
    }
    String messageId = Long.toHexString(nextMessageId.getAndIncrement());
    String draftId = "r" + Long.toUnsignedString(nextMessageId.getAndIncrement());
    String threadId = message.path("threadId").asText(messageId);
    synchronized (box) {
      box.add(new StoredMessage(messageId, threadId, Base64.getUrlDecoder().decode(raw),
          List.of("DRAFT"), clock.instant()));
      box.addDraft(new StoredDraft(draftId, messageId));
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("id", draftId);
    ObjectNode created = body.putObject("message");
    created.put("id", messageId);
    created.put("threadId", threadId);
    created.putArray("labelIds").add("DRAFT");
    sendJson(exchange, 200, body);
  }

  private void watch(HttpExchange exchange, FakeGmailServerMailbox box) throws IOException {
    JsonNode request = JSON.readTree(readBody(exchange));
    String topicName = request.path("topicName").asText("");
    if (!topicName.matches("projects/[^/]+/topics/[^/]+")) {
      sendError(exchange, 400, "invalidArgument", "Invalid topicName does not match"
          + " projects/SOME_PROJECT/topics/SOME_TOPIC", Map.of());
      return;
    }
    List<String> labelIds = new ArrayList<>();
    request.path("labelIds").forEach(label -> labelIds.add(label.asText()));
    String behavior = request.hasNonNull("labelFilterBehavior")
        ? request.get("labelFilterBehavior").asText() : null;
    // Gmail returns the expiration in epoch milliseconds as a JSON string (int64 format).
    Instant expiration = Instant.ofEpochMilli(clock.millis()).plus(WATCH_LIFETIME);
    BigInteger historyId;
    synchronized (box) {
      historyId = box.historyId();
      box.addWatch(new FakeGmailServerWatch(topicName, labelIds, behavior, historyId,
          expiration));
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("historyId", historyId.toString());
    body.put("expiration", Long.toString(expiration.toEpochMilli()));
    sendJson(exchange, 200, body);
  }

  // The Java client gzips request bodies unless a request disables it.
  private static byte[] readBody(HttpExchange exchange) throws IOException {
    InputStream body = exchange.getRequestBody();
    if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      body = new GZIPInputStream(body);
    }
    return body.readAllBytes();
  }

  private static void sendNotFound(HttpExchange exchange) throws IOException {
    sendError(exchange, 404, "notFound", "Requested entity was not found.", Map.of());
  }

  private static void sendError(HttpExchange exchange, int status, String reason, String message,
      Map<String, String> headers) throws IOException {
    headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("code", status);
    error.put("message", message);
    ObjectNode detail = error.putArray("errors").addObject();
    detail.put("message", message);
    detail.put("domain", "global");
    detail.put("reason", reason);
    error.put("status", statusName(status));
    sendJson(exchange, status, body);
  }

  private static void sendJson(HttpExchange exchange, int status, ObjectNode body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> query = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      query.putIfAbsent(name, value);
    }
    return query;
  }

  /** Returns every value of a repeated parameter, e.g. labelIds=INBOX&labelIds=UNREAD. */
  private static List<String> queryValues(String rawQuery, String name) {
    List<String> values = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return values;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && decode(pair.substring(0, equals)).equals(name)) {
        values.add(decode(pair.substring(equals + 1)));
      }
    }
    return values;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static String defaultReason(int status) {
    return switch (status) {
      case 429 -> "rateLimitExceeded";
      case 400 -> "invalidArgument";
      case 404 -> "notFound";
      default -> status >= 500 ? "backendError" : "failedPrecondition";
    };
  }

  private static String statusName(int status) {
    return switch (status) {
      case 400 -> "INVALID_ARGUMENT";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "PERMISSION_DENIED";
      case 404 -> "NOT_FOUND";
      case 429 -> "RESOURCE_EXHAUSTED";
      case 503 -> "UNAVAILABLE";
      default -> status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
    };
  }
}
