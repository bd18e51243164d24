package dev.autoreply.worker.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutures;
import com.google.cloud.pubsub.v1.AckReplyConsumerWithResponse;
import com.google.cloud.pubsub.v1.AckResponse;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Acks through the ack-with-response API, as on subscriptions with exactly-once delivery. */
class NotificationReceiverAckTest {

  private static final PubsubMessage NOTIFICATION = PubsubMessage.newBuilder()
      .setMessageId("m-1")
      .setData(ByteString.copyFromUtf8("{\"emailAddress\": \"support@acme.example\", \"historyId\": 7}"))
      .build();

  private final List<String> failures = new CopyOnWriteArrayList<>();

  @Test
  void rejectedAckIsReported() {
    NotificationReceiver receiver = receiver(notification -> { });

    receiver.receiveMessage(NOTIFICATION, consumer(ApiFutures.immediateFuture(AckResponse.INVALID)));

    assertThat(failures).containsExactly("m-1 ack INVALID");
    assertThat(receiver.ackFailureCount()).isEqualTo(1);
  }

  @Test
  void failedAckFutureIsReportedAsOther() {
    NotificationReceiver receiver = receiver(notification -> { });

    receiver.receiveMessage(NOTIFICATION,
        consumer(ApiFutures.immediateFailedFuture(new IllegalStateException("stream closed"))));

    assertThat(failures).containsExactly("m-1 ack OTHER");
  }

  @Test
  void successfulAckIsNotReported() {
    NotificationReceiver receiver = receiver(notification -> { });

    receiver.receiveMessage(NOTIFICATION, consumer(ApiFutures.immediateFuture(AckResponse.SUCCESSFUL)));

    assertThat(failures).isEmpty();
    assertThat(receiver.ackFailureCount()).isZero();
  }

  @Test
  void rejectedNackIsReported() {
    NotificationReceiver receiver = receiver(notification -> {
      throw new IllegalStateException("ledger unavailable");
    });

    receiver.receiveMessage(NOTIFICATION,
        consumer(ApiFutures.immediateFuture(AckResponse.FAILED_PRECONDITION)));

    assertThat(failures).containsExactly("m-1 nack FAILED_PRECONDITION");
  }

  private NotificationReceiver receiver(NotificationHandler handler) {
    return new NotificationReceiver("projects/p/subscriptions/s", handler, (id, error) -> { },
        (id, operation, response) -> failures.add(id + " " + operation + " " + response));
  }

  /** A consumer whose ack and nack both return {@code response}. */
  private static AckReplyConsumerWithResponse consumer(ApiFuture<AckResponse> response) {
    return new AckReplyConsumerWithResponse() {
      @Override
      public ApiFuture<AckResponse> ack() {
        return response;
      }

      @Override
      public ApiFuture<AckResponse> nack() {
        return response;
      }
    };
  }
}
