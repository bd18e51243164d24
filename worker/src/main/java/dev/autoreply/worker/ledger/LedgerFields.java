package dev.autoreply.worker.ledger;

import com.google.cloud.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Field names of ledger documents and the conversion of their timestamps. */
final class LedgerFields {

  static final String TENANT = "tenant";
  static final String MESSAGE_ID = "messageId";
  static final String MAILBOX = "mailbox";
  static final String STATE = "state";
  static final String REASON = "reason";
  static final String CLAIM_ID = "claimId";
  static final String CLAIMED_AT = "claimedAt";
  static final String UPDATED_AT = "updatedAt";
  /** Gmail history id, stored as a decimal string because it is an unsigned 64-bit number. */
  static final String HISTORY_ID = "historyId";

  private LedgerFields() {
  }

  /** Returns the clock's time cut to microseconds, the precision Firestore stores. */
  static Timestamp now(Clock clock) {
    Instant instant = clock.instant().truncatedTo(ChronoUnit.MICROS);
    return Timestamp.ofTimeSecondsAndNanos(instant.getEpochSecond(), instant.getNano());
  }

  static Instant toInstant(Timestamp timestamp) {
    if (timestamp == null) {
      return null;
    }
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
