package dev.autoreply.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.batching.FlowControlSettings;
import com.google.pubsub.v1.StreamingPullRequest;
import dev.autoreply.worker.ledger.LedgerEntry;
import dev.autoreply.worker.ledger.LedgerState;
import dev.autoreply.worker.pubsub.NotificationSubscriberConfig;
import dev.autoreply.worker.testing.FirestoreEmulator;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The worker's Pub/Sub subscriber: flow control on the wire, and acks after the ledger write. */
class PubSubEndToEndTest {

  private static final String MAILBOX = "support@acme.example";

  @RegisterExtension
  static final FirestoreEmulator FIRESTORE = new FirestoreEmulator();

  @TempDir
  Path temp;

  @Test
  void flowControlReachesPubSub() throws Exception {
    try (WorkerHarness.Servers servers = WorkerHarness.Servers.start();
        WorkerHarness worker = WorkerHarness.start(servers, FIRESTORE.hostAndPort(),
            WorkerHarness.ACME_TENANT, settings -> settings, WorkerHarness.FAST, temp)) {
      NotificationSubscriberConfig config = worker.runtime().subscriber().config();
      FlowControlSettings flowControl = worker.runtime().subscriber().flowControlSettings();
      assertThat(flowControl.getMaxOutstandingElementCount()).isEqualTo(config.maxOutstandingMessages());
      assertThat(flowControl.getMaxOutstandingRequestBytes()).isEqualTo(config.maxOutstandingBytes());

      WorkerHarness.await("streaming pull opened", () -> !servers.pubsub.openedStreams().isEmpty());
      StreamingPullRequest first = servers.pubsub.openedStreams().get(0);
      assertThat(first.getSubscription()).isEqualTo(worker.settings().subscription());
      assertThat(first.getMaxOutstandingMessages()).isEqualTo(100);
      assertThat(first.getMaxOutstandingBytes()).isEqualTo(10L * 1024 * 1024);
    }
  }

  @Test
  void ackFollowsLedgerOutcome() throws Exception {
    try (WorkerHarness.Servers servers = WorkerHarness.Servers.start();
        WorkerHarness worker = WorkerHarness.start(servers, FIRESTORE.hostAndPort(),
            WorkerHarness.ACME_TENANT, settings -> settings, WorkerHarness.FAST, temp)) {
      servers.gemini.replyWith("Thanks, your parcel left our store today.", 20, 8);
      Map<String, Optional<LedgerEntry>> entryAtAck = new ConcurrentHashMap<>();
      String[] messageId = new String[1];
      servers.pubsub.onAck(pubsubId -> entryAtAck.put(pubsubId, worker.entry(messageId[0])));

      messageId[0] = servers.gmail.deliver(MAILBOX,
          WorkerHarness.mail("Dora <dora@customer.example>", MAILBOX, "Parcel", "Where is my parcel?"),
          null);
      String notification = worker.notifyMailbox(MAILBOX);
      worker.awaitAcked(notification);
      // The fake marks the message acked before it calls the listener.
      WorkerHarness.await("ack listener called", () -> entryAtAck.containsKey(notification));

      Optional<LedgerEntry> entry = entryAtAck.get(notification);
      assertThat(entry).as("ledger entry when the notification was acked").isPresent();
      assertThat(entry.get().state()).isEqualTo(LedgerState.SENT);
    }
  }
}
