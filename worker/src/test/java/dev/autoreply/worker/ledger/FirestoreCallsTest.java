package dev.autoreply.worker.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutures;
import com.google.cloud.firestore.FirestoreException;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FirestoreCallsTest {

  private final FirestoreCalls calls = new FirestoreCalls(FirestoreCalls.retry(3, Duration.ofMillis(1)));

  @Test
  void unavailableIsRetried() {
    AtomicInteger attempts = new AtomicInteger();

    String result = calls.call("test", "t/n", "k", () -> attempts.incrementAndGet() < 3
        ? failed(Status.UNAVAILABLE)
        : ApiFutures.immediateFuture("done"));

    assertThat(result).isEqualTo("done");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void alreadyExistsIsNotRetried() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(() -> calls.call("test", "t/n", "k", () -> {
      attempts.incrementAndGet();
      return failed(Status.ALREADY_EXISTS);
    })).isInstanceOf(FirestoreException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void retriesStopAfterMaxAttempts() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(() -> calls.call("test", "t/n", "k", () -> {
      attempts.incrementAndGet();
      return failed(Status.DEADLINE_EXCEEDED);
    })).satisfies(e -> assertThat(FirestoreErrors.statusCode(e))
        .contains(Status.Code.DEADLINE_EXCEEDED));
    assertThat(attempts).hasValue(3);
  }

  private static <T> ApiFuture<T> failed(Status status) {
    return ApiFutures.immediateFailedFuture(
        FirestoreException.forServerRejection(status, "fake %s", status.getCode()));
  }
}
