package dev.autoreply.worker.testing;

import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.ModifyAckDeadlineRequest;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.StreamingPullRequest;
import com.google.pubsub.v1.StreamingPullResponse;
import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Pub/Sub Subscriber gRPC service (google.pubsub.v1.Subscriber) on 127.0.0.1 with subscriptions
 * in memory. Implements StreamingPull, Acknowledge, ModifyAckDeadline and Pull. Acks and ack deadline changes are
 * accepted both inside the stream and as unary calls, since client versions differ. A nack
 * (deadline 0) or an expired deadline puts the message back for immediate redelivery. Unlike
 * Pub/Sub, the server applies no retry backoff and does not limit a stream's outstanding messages.
 */
public final class FakePubSubServer implements AutoCloseable {

  private static final Duration DEFAULT_STREAM_ACK_DEADLINE = Duration.ofSeconds(10);

  private final FakePubSubServerState state = new FakePubSubServerState();
  private final ScheduledExecutorService expiry = Executors.newSingleThreadScheduledExecutor();
  private final Server server;
  private final List<StreamingPullRequest> openedStreams = new CopyOnWriteArrayList<>();
  private volatile Consumer<String> ackListener = messageId -> { };

  private FakePubSubServer() {
    server = NettyServerBuilder
        .forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .addService(new SubscriberService())
        .build();
  }

  /** Starts a server on a free port of 127.0.0.1. */
  public static FakePubSubServer start() throws IOException {
    FakePubSubServer fake = new FakePubSubServer();
    fake.server.start();
    fake.expiry.scheduleWithFixedDelay(fake.state::expireLeases, 100, 100, TimeUnit.MILLISECONDS);
    return fake;
  }

  /** Returns host:port for a plaintext channel. */
  public String hostPort() {
    return "127.0.0.1:" + server.getPort();
  }

  /** Queues a message on {@code subscription} and returns its message id. */
  public String publish(String subscription, byte[] data) {
    return state.publish(subscription, data);
  }

  /** Returns the ids of acked messages, in the order of their first ack. */
  public List<String> ackedMessageIds() {
    return state.ackedMessageIds();
  }

  /**
   * Requeues every unacked delivery at once and returns how many, as if every ack deadline had
   * passed. A test calls it after it killed the only subscriber, to skip the wait for the
   * deadlines that the killed client had set.
   */
  public int releaseLeases() {
    return state.releaseLeases();
  }

  /**
   * Calls {@code listener} with the message id of every message when it is first acked, on the
   * gRPC thread and before the ack completes, so the listener sees the state at ack time.
   */
  public void onAck(Consumer<String> listener) {
    ackListener = listener;
  }

  /** Returns the first request of every StreamingPull opened so far, with its flow control. */
  public List<StreamingPullRequest> openedStreams() {
    return List.copyOf(openedStreams);
  }

  /** Returns how often the message was sent to a subscriber. */
  public int deliveryCount(String messageId) {
    return state.deliveryCount(messageId);
  }

  /** Waits until {@code count} distinct messages are acked; returns false on timeout. */
  public boolean awaitAcked(int count, Duration timeout) throws InterruptedException {
    return state.awaitAcked(count, timeout);
  }

  private void acknowledgeAndNotify(List<String> ackIds) {
    for (String messageId : state.acknowledge(ackIds)) {
      ackListener.accept(messageId);
    }
  }

  @Override
  public void close() throws InterruptedException {
    expiry.shutdownNow();
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }

  /**
   * The service definition, built from the proto messages because the generated SubscriberGrpc
   * class (artifact grpc-google-cloud-pubsub-v1) is not on the test classpath. Method names
   * and message types are those of google/pubsub/v1/pubsub.proto.
   */
  private final class SubscriberService implements BindableService {

    private static final String SERVICE = "google.pubsub.v1.Subscriber";

    @Override
    public ServerServiceDefinition bindService() {
      return ServerServiceDefinition.builder(SERVICE)
          .addMethod(
              method("StreamingPull", MethodDescriptor.MethodType.BIDI_STREAMING,
                  StreamingPullRequest.getDefaultInstance(),
                  StreamingPullResponse.getDefaultInstance()),
              ServerCalls.asyncBidiStreamingCall(StreamingPullCall::new))
          .addMethod(
              method("Acknowledge", MethodDescriptor.MethodType.UNARY,
                  AcknowledgeRequest.getDefaultInstance(), Empty.getDefaultInstance()),
              ServerCalls.asyncUnaryCall(this::acknowledge))
          .addMethod(
              method("ModifyAckDeadline", MethodDescriptor.MethodType.UNARY,
                  ModifyAckDeadlineRequest.getDefaultInstance(), Empty.getDefaultInstance()),
              ServerCalls.asyncUnaryCall(this::modifyAckDeadline))
          .addMethod(
              method("Pull", MethodDescriptor.MethodType.UNARY,
                  PullRequest.getDefaultInstance(), PullResponse.getDefaultInstance()),
              ServerCalls.asyncUnaryCall(this::pull))
          .build();
    }

    private void acknowledge(AcknowledgeRequest request, StreamObserver<Empty> response) {
      acknowledgeAndNotify(request.getAckIdsList());
      response.onNext(Empty.getDefaultInstance());
      response.onCompleted();
    }

    private void modifyAckDeadline(
        ModifyAckDeadlineRequest request, StreamObserver<Empty> response) {
      state.modifyAckDeadline(request.getAckIdsList(), request.getAckDeadlineSeconds());
      response.onNext(Empty.getDefaultInstance());
      response.onCompleted();
    }

    private void pull(PullRequest request, StreamObserver<PullResponse> response) {
      int max = request.getMaxMessages() > 0 ? request.getMaxMessages() : 100;
      response.onNext(PullResponse.newBuilder()
          .addAllReceivedMessages(state.pull(request.getSubscription(), max))
          .build());
      response.onCompleted();
    }

    private static <Q extends Message, R extends Message> MethodDescriptor<Q, R> method(
        String name, MethodDescriptor.MethodType type, Q request, R response) {
      return MethodDescriptor.<Q, R>newBuilder()
          .setType(type)
          .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
          .setRequestMarshaller(ProtoUtils.marshaller(request))
          .setResponseMarshaller(ProtoUtils.marshaller(response))
          .build();
    }
  }

  /** One StreamingPull: the first request names the subscription, later ones carry acks. */
  private final class StreamingPullCall implements StreamObserver<StreamingPullRequest> {

    private final StreamObserver<StreamingPullResponse> responses;
    private FakePubSubServerState.Stream stream;

    StreamingPullCall(StreamObserver<StreamingPullResponse> responses) {
      this.responses = responses;
    }

    @Override
    public void onNext(StreamingPullRequest request) {
      if (stream == null && !open(request)) {
        return;
      }
      acknowledgeAndNotify(request.getAckIdsList());
      applyDeadlineChanges(request);
    }

    @Override
    public void onError(Throwable cancelled) {
      close();
    }

    @Override
    public void onCompleted() {
      close();
      responses.onCompleted();
    }

    private boolean open(StreamingPullRequest first) {
      if (first.getSubscription().isEmpty()) {
        responses.onError(Status.INVALID_ARGUMENT
            .withDescription("the first StreamingPullRequest must name a subscription")
            .asRuntimeException());
        return false;
      }
      int seconds = first.getStreamAckDeadlineSeconds();
      Duration deadline = seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_STREAM_ACK_DEADLINE;
      openedStreams.add(first);
      stream = new FakePubSubServerState.Stream(first.getSubscription(), deadline, responses);
      state.openStream(stream);
      return true;
    }

    private void applyDeadlineChanges(StreamingPullRequest request) {
      for (int i = 0; i < request.getModifyDeadlineAckIdsCount(); i++) {
        state.modifyAckDeadline(List.of(request.getModifyDeadlineAckIds(i)),
            request.getModifyDeadlineSeconds(i));
      }
    }

    private void close() {
      if (stream != null) {
        state.closeStream(stream);
      }
    }
  }
}
