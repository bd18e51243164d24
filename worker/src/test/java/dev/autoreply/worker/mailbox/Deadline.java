package dev.autoreply.worker.mailbox;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition that a background thread makes true, checking it every 10 ms. */
final class Deadline {

  private Deadline() {
  }

  /**
   * Returns once {@code condition} holds.
   *
   * @throws AssertionError naming {@code description} if it does not hold within {@code timeout}
   */
  static void awaitTrue(Duration timeout, String description, BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after " + timeout + " waiting until " + description);
      }
      Thread.sleep(10);
    }
  }
}
