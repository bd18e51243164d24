package dev.autoreply.worker.ledger;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Precondition;
import io.grpc.Status;
import java.math.BigInteger;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gmail history cursor of each mailbox, moved forward by compare-and-set: read the document,
 * then write only if it still has the update time that was read.
 *
 * <p>NOTE: the test emulator (@firestore-emulator/server 0.3.15) ignores the update-time
 * precondition, so the tests check the ordering of sequential stores but cannot check two
 * workers storing at the same moment. Production Firestore enforces the precondition.
 */
final class MailboxCursors {

  private static final Logger log = LoggerFactory.getLogger(MailboxCursors.class);

  /** Upper bound on read-and-write rounds lost to concurrent writers in one store. */
  static final int MAX_ROUNDS = 10;

  private final Firestore firestore;
  private final FirestoreCalls calls;
  private final Clock clock;

  MailboxCursors(Firestore firestore, FirestoreCalls calls, Clock clock) {
    this.firestore = firestore;
    this.calls = calls;
    this.clock = clock;
  }

  Optional<BigInteger> read(String tenant, String mailbox) {
    DocumentSnapshot snapshot = snapshot(tenant, mailbox);
    return snapshot.exists() ? Optional.of(historyId(snapshot, tenant, mailbox)) : Optional.empty();
  }

  boolean store(String tenant, String mailbox, BigInteger historyId) {
    Objects.requireNonNull(historyId, "historyId");
    if (historyId.signum() < 0) {
      throw new IllegalArgumentException(
          "invalid Gmail history id " + historyId + " for mailbox " + mailbox + ": it is negative");
    }
    for (int round = 1; round <= MAX_ROUNDS; round++) {
      Optional<Boolean> stored = tryStore(tenant, mailbox, historyId);
      if (stored.isPresent()) {
        return stored.get();
      }
      log.info("Cursor of mailbox {} of tenant {} changed while storing {}, reading it again",
          mailbox, tenant, historyId);
    }
    throw new LedgerException("cursor of mailbox " + mailbox + " of tenant " + tenant
        + " changed concurrently in " + MAX_ROUNDS + " rounds; history id " + historyId
        + " was not stored", null);
  }

  /** Returns empty when another writer changed the document between the read and the write. */
  private Optional<Boolean> tryStore(String tenant, String mailbox, BigInteger historyId) {
    DocumentSnapshot snapshot = snapshot(tenant, mailbox);
    if (!snapshot.exists()) {
      return create(tenant, mailbox, historyId);
    }
    BigInteger current = historyId(snapshot, tenant, mailbox);
    if (current.compareTo(historyId) >= 0) {
      log.debug("Kept cursor {} of mailbox {} of tenant {}; {} is not newer",
          current, mailbox, tenant, historyId);
      return Optional.of(false);
    }
    return update(snapshot, tenant, mailbox, historyId);
  }

  private Optional<Boolean> create(String tenant, String mailbox, BigInteger historyId) {
    DocumentReference document = LedgerPaths.mailbox(firestore, tenant, mailbox);
    Map<String, Object> fields = cursorFields(historyId);
    fields.put(LedgerFields.MAILBOX, LedgerPaths.normalizeAddress(mailbox));
    try {
      calls.call("storeCursor", tenant, mailbox, () -> document.create(fields));
      log.info("Stored first cursor {} of mailbox {} of tenant {}", historyId, mailbox, tenant);
      return Optional.of(true);
    } catch (RuntimeException e) {
      if (FirestoreErrors.hasStatus(e, Status.Code.ALREADY_EXISTS)) {
        return Optional.empty();
      }
      throw ReplyLedger.failure("storeCursor", tenant, mailbox, e);
    }
  }

  private Optional<Boolean> update(
      DocumentSnapshot snapshot, String tenant, String mailbox, BigInteger historyId) {
    Precondition unchanged = Precondition.updatedAt(snapshot.getUpdateTime());
    Map<String, Object> fields = cursorFields(historyId);
    try {
      calls.call("storeCursor", tenant, mailbox,
          () -> snapshot.getReference().update(fields, unchanged));
      log.info("Moved cursor of mailbox {} of tenant {} to {}", mailbox, tenant, historyId);
      return Optional.of(true);
    } catch (RuntimeException e) {
      if (FirestoreErrors.hasStatus(e, Status.Code.FAILED_PRECONDITION)) {
        return Optional.empty();
      }
      throw ReplyLedger.failure("storeCursor", tenant, mailbox, e);
    }
  }

  private Map<String, Object> cursorFields(BigInteger historyId) {
    Timestamp now = LedgerFields.now(clock);
    Map<String, Object> fields = new HashMap<>();
    fields.put(LedgerFields.HISTORY_ID, historyId.toString());
    fields.put(LedgerFields.UPDATED_AT, now);
    return fields;
  }

  private DocumentSnapshot snapshot(String tenant, String mailbox) {
    DocumentReference document = LedgerPaths.mailbox(firestore, tenant, mailbox);
    try {
      return calls.call("cursor", tenant, mailbox, document::get);
    } catch (RuntimeException e) {
      throw ReplyLedger.failure("cursor", tenant, mailbox, e);
    }
  }

  private static BigInteger historyId(DocumentSnapshot snapshot, String tenant, String mailbox) {
    String value = snapshot.getString(LedgerFields.HISTORY_ID);
    try {
      return new BigInteger(Objects.requireNonNull(value, "historyId is missing"));
    } catch (NumberFormatException | NullPointerException e) {
      throw new LedgerException("invalid cursor \"" + value + "\" stored for mailbox " + mailbox
          + " of tenant " + tenant + "; delete the document to start from the current history",
          e);
    }
  }
}
