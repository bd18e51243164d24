package dev.autoreply.worker.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.StreamingPullResponse;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Messages, leases and open streaming pulls of {@link FakePubSubServer}. Every method is
 * synchronized on this object, so it also serializes the responses sent on each stream.
 */
final class FakePubSubServerState {

  /** One published message. */
  private record Stored(String id, String subscription, ByteString data, Instant publishTime) {
  }

  /** One delivery waiting for its ack; its ack id is the key of {@link #leases}. */
  private static final class Lease {
    final String messageId;
    final String subscription;
    long deadlineNanos;

    Lease(String messageId, String subscription, long deadlineNanos) {
      this.messageId = messageId;
      this.subscription = subscription;
      this.deadlineNanos = deadlineNanos;
    }
  }

  /** One open streaming pull. */
  static final class Stream {
    final String subscription;
    final Duration ackDeadline;
    final StreamObserver<StreamingPullResponse> responses;

    Stream(String subscription, Duration ackDeadline,
        StreamObserver<StreamingPullResponse> responses) {
      this.subscription = subscription;
      this.ackDeadline = ackDeadline;
      this.responses = responses;
    }
  }

  private static final Duration PULL_ACK_DEADLINE = Duration.ofSeconds(10);

  private final Map<String, Stored> messages = new HashMap<>();
  private final Map<String, Integer> deliveries = new HashMap<>();
  private final Map<String, Deque<String>> pending = new HashMap<>();
  private final Map<String, Lease> leases = new HashMap<>();
  private final Set<String> acked = new LinkedHashSet<>();
  private final Map<String, List<Stream>> streams = new HashMap<>();
  private long nextMessageId = 1;
  private long nextAckId = 1;
  private int roundRobin;

  synchronized String publish(String subscription, byte[] data) {
    String id = String.valueOf(nextMessageId++);
    messages.put(id, new Stored(id, subscription, ByteString.copyFrom(data), Instant.now()));
    queue(subscription).addLast(id);
    pump(subscription);
    return id;
  }

  synchronized void openStream(Stream stream) {
    streams.computeIfAbsent(stream.subscription, s -> new ArrayList<>()).add(stream);
    pump(stream.subscription);
  }

  synchronized void closeStream(Stream stream) {
    List<Stream> open = streams.get(stream.subscription);
    if (open != null) {
      open.remove(stream);
    }
  }

  /** Ends the leases of {@code ackIds}; returns the ids of the messages acked for the first time. */
  synchronized List<String> acknowledge(List<String> ackIds) {
    List<String> firstAcks = new ArrayList<>();
    for (String ackId : ackIds) {
      Lease lease = leases.remove(ackId);
      if (lease != null && acked.add(lease.messageId)) {
        firstAcks.add(lease.messageId);
      }
    }
    notifyAll();
    return firstAcks;
  }

  /** Extends leases, or ends them for redelivery when {@code seconds} is 0 (a nack). */
  synchronized void modifyAckDeadline(List<String> ackIds, int seconds) {
    for (String ackId : ackIds) {
      Lease lease = leases.get(ackId);
      if (lease == null) {
        continue;
      }
      if (seconds > 0) {
        lease.deadlineNanos = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
      } else {
        leases.remove(ackId);
        queue(lease.subscription).addFirst(lease.messageId);
        pump(lease.subscription);
      }
    }
  }

  /** Returns up to {@code max} waiting messages for a unary pull, leased for 10 s. */
  synchronized List<ReceivedMessage> pull(String subscription, int max) {
    List<ReceivedMessage> pulled = new ArrayList<>();
    Deque<String> waiting = queue(subscription);
    while (pulled.size() < max && !waiting.isEmpty()) {
      pulled.add(lease(waiting.pollFirst(), PULL_ACK_DEADLINE));
    }
    return pulled;
  }

  /** Requeues every delivery whose ack deadline passed, as Pub/Sub does. */
  synchronized void expireLeases() {
    long now = System.nanoTime();
    Iterator<Map.Entry<String, Lease>> it = leases.entrySet().iterator();
    Set<String> touched = new LinkedHashSet<>();
    while (it.hasNext()) {
      Lease lease = it.next().getValue();
      if (now - lease.deadlineNanos > 0) {
        it.remove();
        queue(lease.subscription).addFirst(lease.messageId);
        touched.add(lease.subscription);
      }
    }
    touched.forEach(this::pump);
  }

  /** Requeues every delivery at once, as if every ack deadline had passed. */
  synchronized int releaseLeases() {
    int released = leases.size();
    Set<String> touched = new LinkedHashSet<>();
    for (Lease lease : leases.values()) {
      queue(lease.subscription).addFirst(lease.messageId);
      touched.add(lease.subscription);
    }
    leases.clear();
    touched.forEach(this::pump);
    return released;
  }

  synchronized List<String> ackedMessageIds() {
    return List.copyOf(acked);
  }

  synchronized int deliveryCount(String messageId) {
    return deliveries.getOrDefault(messageId, 0);
  }

  synchronized boolean awaitAcked(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (acked.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  /** Sends waiting messages of {@code subscription} to its open streams, one per response. */
  private void pump(String subscription) {
    List<Stream> open = streams.getOrDefault(subscription, List.of());
    Deque<String> waiting = queue(subscription);
    while (!open.isEmpty() && !waiting.isEmpty()) {
      String messageId = waiting.pollFirst();
      if (acked.contains(messageId)) {
        continue;
      }
      Stream stream = open.get(Math.floorMod(roundRobin++, open.size()));
      ReceivedMessage received = lease(messageId, stream.ackDeadline);
      try {
        stream.responses.onNext(
            StreamingPullResponse.newBuilder().addReceivedMessages(received).build());
      } catch (RuntimeException closed) {
        // The client cancelled the stream; give the message to another stream or a later one.
        leases.remove(received.getAckId());
        open.remove(stream);
        waiting.addFirst(messageId);
      }
    }
  }

  private ReceivedMessage lease(String messageId, Duration ackDeadline) {
    Stored stored = messages.get(messageId);
    String ackId = "ack-" + messageId + "-" + nextAckId++;
    leases.put(ackId, new Lease(messageId, stored.subscription(),
        System.nanoTime() + ackDeadline.toNanos()));
    int attempt = deliveries.merge(messageId, 1, Integer::sum);
    return ReceivedMessage.newBuilder()
        .setAckId(ackId)
        .setDeliveryAttempt(attempt)
        .setMessage(PubsubMessage.newBuilder()
            .setMessageId(messageId)
            .setData(stored.data())
            .setPublishTime(Timestamp.newBuilder()
                .setSeconds(stored.publishTime().getEpochSecond())
                .setNanos(stored.publishTime().getNano())))
        .build();
  }

  private Deque<String> queue(String subscription) {
    return pending.computeIfAbsent(subscription, s -> new ArrayDeque<>());
  }
}
