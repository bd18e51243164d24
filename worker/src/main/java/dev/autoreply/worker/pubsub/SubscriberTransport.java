package dev.autoreply.worker.pubsub;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.pubsub.v1.Subscriber;
import io.grpc.ManagedChannelBuilder;
import java.util.Objects;

/** Endpoint and credentials through which a {@link NotificationSubscriber} reaches Pub/Sub. */
public final class SubscriberTransport {

  private final String description;
  private final TransportChannelProvider channelProvider;
  private final CredentialsProvider credentialsProvider;

  private SubscriberTransport(
      String description,
      TransportChannelProvider channelProvider,
      CredentialsProvider credentialsProvider) {
    this.description = description;
    this.channelProvider = channelProvider;
    this.credentialsProvider = credentialsProvider;
  }

  /** Uses the default Pub/Sub endpoint and Application Default Credentials. */
  public static SubscriberTransport production() {
    return new SubscriberTransport("default endpoint with default credentials", null, null);
  }

  /** Uses the default Pub/Sub endpoint with the given credentials. */
  public static SubscriberTransport production(GoogleCredentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    return new SubscriberTransport("default endpoint with given credentials", null,
        FixedCredentialsProvider.create(credentials));
  }

  /**
   * Uses a plaintext gRPC connection without credentials, for an emulator or a test server.
   *
   * @param hostPort e.g. {@code 127.0.0.1:8085}
   */
  public static SubscriberTransport plaintext(String hostPort) {
    Objects.requireNonNull(hostPort, "hostPort");
    TransportChannelProvider channel = InstantiatingGrpcChannelProvider.newBuilder()
        .setEndpoint(hostPort)
        .setChannelConfigurator(ManagedChannelBuilder::usePlaintext)
        .build();
    return new SubscriberTransport("plaintext " + hostPort, channel, NoCredentialsProvider.create());
  }

  void configure(Subscriber.Builder builder) {
    if (channelProvider != null) {
      builder.setChannelProvider(channelProvider);
    }
    if (credentialsProvider != null) {
      builder.setCredentialsProvider(credentialsProvider);
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
