package dev.autoreply.worker.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import dev.autoreply.worker.testing.FirestoreEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

// NOTE: only sequential calls are tested. Concurrent replacement of an expired document relies on
// the update-time precondition, which @firestore-emulator/server 0.3.15 ignores.
class SenderReplyLimiterEmulatorTest {

  @RegisterExtension
  static final FirestoreEmulator EMULATOR = new FirestoreEmulator();

  private static final String TENANT = "shop-a/support";
  private static final String SENDER = "jonas@customer.example";
  private static final Instant NOW = Instant.parse("2025-03-04T05:06:07.123456Z");
  private static final Duration PERIOD = Duration.ofDays(7);

  private Firestore firestore;
  private SenderReplyLimiter limiter;

  @BeforeEach
  void connect(TestInfo test) {
    String projectId = "limiter-" + test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT);
    firestore = EMULATOR.firestore(projectId);
    limiter = new SenderReplyLimiter(firestore, PERIOD);
  }

  @AfterEach
  void disconnect() throws Exception {
    firestore.close();
  }

  @Test
  void firstReplyIsAllowed() {
    assertThat(limiter.tryAcquire(TENANT, SENDER, "thread-1", NOW)).isTrue();
  }

  @Test
  void secondReplyWithinPeriodIsRefused() {
    limiter.tryAcquire(TENANT, SENDER, "thread-1", NOW);

    assertThat(limiter.tryAcquire(TENANT, SENDER, "thread-1", NOW.plusSeconds(1))).isFalse();
    assertThat(limiter.tryAcquire(TENANT, SENDER, "thread-1", NOW.plus(PERIOD).minusMillis(1))).isFalse();
  }

  @Test
  void senderIsComparedWithoutCase() {
    limiter.tryAcquire(TENANT, SENDER, "thread-1", NOW);

    assertThat(limiter.tryAcquire(TENANT, "Jonas@Customer.EXAMPLE", "thread-1", NOW.plusSeconds(1))).isFalse();
  }

  @Test
  void replyAfterPeriodIsAllowedOnce() {
    limiter.tryAcquire(TENANT, SENDER, "thread-1", NOW);
    Instant later = NOW.plus(PERIOD);

    assertThat(limiter.tryAcquire(TENANT, SENDER, "thread-1", later)).isTrue();
    assertThat(limiter.tryAcquire(TENANT, SENDER, "thread-1", later.plusSeconds(1))).isFalse();
  }

  @Test
  void replacedDocumentStoresNewTimes() throws Exception {
    limiter.tryAcquire(TENANT, SENDER, "thread-1", NOW);
    Instant later = NOW.plus(PERIOD).plusSeconds(60);
    limiter.tryAcquire(TENANT, SENDER, "thread-1", later);

    DocumentSnapshot stored = firestore.collection("tenants").document("shop-a%2Fsupport")
        .collection("senderReplies").document("jonas%40customer.example~thread-1").get().get();

    assertThat(stored.getTimestamp("repliedAt")).isEqualTo(timestamp(later));
    assertThat(stored.getTimestamp("expireAt")).isEqualTo(timestamp(later.plus(PERIOD)));
    assertThat(stored.getString("sender")).isEqualTo(SENDER);
    assertThat(stored.getString("threadKey")).isEqualTo("thread-1");
    assertThat(stored.getString("tenant")).isEqualTo(TENANT);
  }

  @Test
  void threadsAreIndependent() {
    assertThat(limiter.tryAcquire(TENANT, SENDER, "thread-1", NOW)).isTrue();
    assertThat(limiter.tryAcquire(TENANT, SENDER, "thread-2", NOW)).isTrue();
    assertThat(limiter.tryAcquire(TENANT, SENDER, "thread-2", NOW)).isFalse();
  }

  @Test
  void sendersAreIndependent() {
    assertThat(limiter.tryAcquire(TENANT, SENDER, "thread-1", NOW)).isTrue();
    assertThat(limiter.tryAcquire(TENANT, "maria@customer.example", "thread-1", NOW)).isTrue();
  }

  @Test
  void tenantsAreIndependent() {
    assertThat(limiter.tryAcquire("shop-a/support", SENDER, "thread-1", NOW)).isTrue();
    assertThat(limiter.tryAcquire("shop-b/support", SENDER, "thread-1", NOW)).isTrue();
    assertThat(limiter.tryAcquire("shop-b/support", SENDER, "thread-1", NOW)).isFalse();
  }

  @Test
  void separatorInKeysDoesNotCollide() {
    assertThat(limiter.tryAcquire(TENANT, "a~b@customer.example", "c", NOW)).isTrue();
    assertThat(limiter.tryAcquire(TENANT, "a@customer.example", "b~c", NOW)).isTrue();
  }

  @Test
  void blankArgumentsAreRejected() {
    assertThatThrownBy(() -> limiter.tryAcquire(TENANT, " ", "thread-1", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sender must not be blank");
    assertThatThrownBy(() -> limiter.tryAcquire(TENANT, SENDER, "", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threadKey must not be blank");
    assertThatThrownBy(() -> new SenderReplyLimiter(firestore, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("period must be positive");
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.ofTimeSecondsAndNanos(instant.getEpochSecond(), instant.getNano());
  }
}
