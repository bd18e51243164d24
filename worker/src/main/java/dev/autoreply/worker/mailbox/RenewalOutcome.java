package dev.autoreply.worker.mailbox;

/** Result of one check of a mailbox's watch lease by {@link WatchRenewer}. */
public enum RenewalOutcome {
  /** This replica claimed the renewal and users.watch succeeded. */
  RENEWED,
  /** The last renewal, by any replica, is younger than the renewal period. */
  NOT_DUE,
  /** Another replica claimed the renewal between this replica's read and write. */
  CLAIMED_BY_OTHER_REPLICA,
  /** Firestore or users.watch failed; the renewal is retried after the retry delay. */
  FAILED
}
