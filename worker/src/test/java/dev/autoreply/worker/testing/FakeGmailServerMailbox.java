package dev.autoreply.worker.testing;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** In-memory state of one mailbox of {@link FakeGmailServer}; callers synchronize on it. */
final class FakeGmailServerMailbox {

  /** One messageAdded history record. */
  record HistoryRecord(BigInteger id, String messageId, String threadId, List<String> labelIds) {
  }

  /**
   * One stored message.
   *
   * @param internalDate when Gmail received the message, the time that newer_than: compares
   */
  record StoredMessage(
      String id, String threadId, byte[] raw, List<String> labelIds, Instant internalDate) {
  }

  /** One draft: Gmail keeps a message with the DRAFT label under a separate draft id. */
  record StoredDraft(String id, String messageId) {
  }

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final String address;
  private final Map<String, StoredMessage> messages = new LinkedHashMap<>();
  private final List<HistoryRecord> history = new ArrayList<>();
  private final List<StoredDraft> drafts = new ArrayList<>();
  private final List<FakeGmailServerWatch> watches = new ArrayList<>();
  /** Quota units of the accepted requests, oldest first, each as {nanoTime, units}. */
  private final Deque<long[]> quotaWindow = new ArrayDeque<>();
  private long quotaUnitsInWindow;
  private long quotaRejections;
  private BigInteger historyId;
  private BigInteger retentionFloor = BigInteger.ZERO;

  FakeGmailServerMailbox(String address, BigInteger firstHistoryId) {
    this.address = address;
    this.historyId = firstHistoryId;
  }

  String address() {
    return address;
  }

  BigInteger historyId() {
    return historyId;
  }

  BigInteger retentionFloor() {
    return retentionFloor;
  }

  void setRetentionFloor(BigInteger floor) {
    retentionFloor = floor;
  }

  /** Removes a message as a user's deletion does; its history record stays. */
  void delete(String id) {
    messages.remove(id);
  }

  StoredMessage message(String id) {
    return messages.get(id);
  }

  List<StoredMessage> messagesWithLabel(String label) {
    return messages.values().stream().filter(m -> m.labelIds().contains(label)).toList();
  }

  /** Stores a message and records it as added, as Gmail does for delivered and sent mail. */
  void add(StoredMessage message) {
    messages.put(message.id(), message);
    historyId = historyId.add(BigInteger.ONE);
    history.add(new HistoryRecord(historyId, message.id(), message.threadId(),
        message.labelIds()));
  }

  /** Returns the records after {@code startHistoryId} whose message has {@code labelId}. */
  List<HistoryRecord> historyAfter(BigInteger startHistoryId, String labelId) {
    return history.stream()
        .filter(r -> r.id().compareTo(startHistoryId) > 0)
        .filter(r -> labelId == null || r.labelIds().contains(labelId))
        .toList();
  }

  /** Returns every message, newest internalDate first, as messages.list orders them. */
  List<StoredMessage> newestFirst() {
    List<StoredMessage> matching = new ArrayList<>(messages.values());
    Collections.reverse(matching);
    matching.sort(Comparator.comparing(StoredMessage::internalDate).reversed());
    return matching;
  }

  /** Returns the messages of one thread in the order they were stored. */
  List<StoredMessage> thread(String threadId) {
    return messages.values().stream().filter(m -> m.threadId().equals(threadId)).toList();
  }

  /**
   * Records {@code units} at {@code nowNanos} if the accepted requests of the last second plus
   * these units stay within {@code unitsPerSecond}; else counts a rejection and records nothing.
   */
  boolean tryConsumeQuota(long nowNanos, int units, int unitsPerSecond) {
    while (!quotaWindow.isEmpty() && quotaWindow.peekFirst()[0] <= nowNanos - NANOS_PER_SECOND) {
      quotaUnitsInWindow -= quotaWindow.pollFirst()[1];
    }
    if (quotaUnitsInWindow + units > unitsPerSecond) {
      quotaRejections++;
      return false;
    }
    quotaWindow.addLast(new long[] {nowNanos, units});
    quotaUnitsInWindow += units;
    return true;
  }

  long quotaRejections() {
    return quotaRejections;
  }

  void addDraft(StoredDraft draft) {
    drafts.add(draft);
  }

  List<StoredDraft> drafts() {
    return List.copyOf(drafts);
  }

  void addWatch(FakeGmailServerWatch watch) {
    watches.add(watch);
  }

  List<FakeGmailServerWatch> watches() {
    return List.copyOf(watches);
  }

  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, List<String>> addedLabels = new HashMap<>();

  /** User labels by id. */
  Map<String, String> labels() {
    return labels;
  }

  String createLabel(String name) {
    String id = "Label_" + (labels.size() + 1);
    labels.put(id, name);
    return id;
  }

  String labelName(String id) {
    return labels.getOrDefault(id, id);
  }

  void addLabel(String messageId, String labelId) {
    addedLabels.computeIfAbsent(messageId, key -> new ArrayList<>()).add(labelId);
  }

  List<String> addedLabelIds(String messageId) {
    return List.copyOf(addedLabels.getOrDefault(messageId, List.of()));
  }
}
