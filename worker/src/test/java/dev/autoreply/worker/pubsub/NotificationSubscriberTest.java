package dev.autoreply.worker.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.worker.gmail.GmailNotification;
import dev.autoreply.worker.testing.FakePubSubServer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationSubscriberTest {

  private static final String SUBSCRIPTION = "projects/test-project/subscriptions/gmail-push";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final byte[] PAYLOAD =
      "{\"emailAddress\":\"support@example.com\",\"historyId\":\"4242\"}"
          .getBytes(StandardCharsets.UTF_8);
  private static final GmailNotification NOTIFICATION =
      new GmailNotification("support@example.com", BigInteger.valueOf(4242));

  private FakePubSubServer server;
  private NotificationSubscriber subscriber;
  private final List<GmailNotification> handled = new CopyOnWriteArrayList<>();
  private final List<String> malformedIds = new CopyOnWriteArrayList<>();
  private final List<String> malformedMessages = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    server = FakePubSubServer.start();
  }

  @AfterEach
  void stopAll() throws Exception {
    if (subscriber != null) {
      subscriber.stop();
    }
    server.close();
  }

  @Test
  void notificationReachesHandlerAndIsAcked() throws Exception {
    start(handled::add);

    String id = server.publish(SUBSCRIPTION, PAYLOAD);

    assertThat(server.awaitAcked(1, WAIT)).isTrue();
    assertThat(handled).containsExactly(NOTIFICATION);
    assertThat(server.ackedMessageIds()).containsExactly(id);
    assertThat(server.deliveryCount(id)).isEqualTo(1);
  }

  @Test
  void handlerFailureIsRedeliveredThenAcked() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    start(notification -> {
      handled.add(notification);
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("ledger unavailable");
      }
    });

    String id = server.publish(SUBSCRIPTION, PAYLOAD);

    assertThat(server.awaitAcked(1, WAIT)).isTrue();
    assertThat(server.deliveryCount(id)).isEqualTo(2);
    assertThat(handled).containsExactly(NOTIFICATION, NOTIFICATION);
    assertThat(server.ackedMessageIds()).containsExactly(id);
  }

  @Test
  void malformedPayloadIsAckedAndReported() throws Exception {
    start(handled::add);

    String id = server.publish(SUBSCRIPTION, "not json".getBytes(StandardCharsets.UTF_8));

    assertThat(server.awaitAcked(1, WAIT)).isTrue();
    assertThat(handled).isEmpty();
    assertThat(subscriber.malformedCount()).isEqualTo(1);
    assertThat(malformedIds).containsExactly(id);
    assertThat(malformedMessages)
        .containsExactly("invalid Gmail notification: payload is not JSON: 'not json'");
    assertThat(server.deliveryCount(id)).isEqualTo(1);
  }

  @Test
  void duplicateNotificationReachesHandlerTwice() throws Exception {
    start(handled::add);

    String first = server.publish(SUBSCRIPTION, PAYLOAD);
    String second = server.publish(SUBSCRIPTION, PAYLOAD);

    assertThat(server.awaitAcked(2, WAIT)).isTrue();
    assertThat(handled).containsExactly(NOTIFICATION, NOTIFICATION);
    assertThat(server.ackedMessageIds()).containsExactlyInAnyOrder(first, second);
  }

  @Test
  void stopEndsSubscriber() throws Exception {
    start(handled::add);

    boolean stopped = subscriber.stop();

    assertThat(stopped).isTrue();
    assertThat(subscriber.isRunning()).isFalse();
  }

  private void start(NotificationHandler handler) {
    NotificationSubscriberConfig config = new NotificationSubscriberConfig(SUBSCRIPTION, 10,
        1024 * 1024, 1, 2, Duration.ofMinutes(1), Duration.ofSeconds(10),
        SubscriberTransport.plaintext(server.hostPort()));
    subscriber = new NotificationSubscriber(config, handler, (messageId, error) -> {
      malformedIds.add(messageId);
      malformedMessages.add(error.getMessage());
    });
    subscriber.start();
  }
}
