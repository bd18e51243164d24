package dev.autoreply.worker.mailbox;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the Gmail watch renewal of a tenant's mailboxes.
 *
 * @param topicName Pub/Sub topic that Gmail publishes to, {@code projects/P/topics/T}
 * @param labelIds labels to watch, e.g. [INBOX], or empty to watch every change of the mailbox
 * @param renewalPeriod time from one successful users.watch call to the next; it must be
 *     shorter than the 7 days after which Gmail stops a watch
 * @param retryDelay time after which a renewal that a replica claimed but did not confirm, because
 *     users.watch failed or the replica stopped, is claimed again
 * @param checkInterval time between two reads of the lease documents by one replica
 */
public record WatchSettings(String topicName, List<String> labelIds, Duration renewalPeriod,
    Duration retryDelay, Duration checkInterval) {

  /**
   * Time after which Gmail stops publishing unless users.watch is called again. The expiration
   * that users.watch returns is the exact value, and this bound only checks the settings.
   */
  public static final Duration GMAIL_WATCH_LIFETIME = Duration.ofDays(7);

  public WatchSettings {
    Objects.requireNonNull(topicName, "topicName");
    labelIds = List.copyOf(labelIds);
    requirePositive(renewalPeriod, "renewalPeriod");
    requirePositive(retryDelay, "retryDelay");
    requirePositive(checkInterval, "checkInterval");
    if (renewalPeriod.compareTo(GMAIL_WATCH_LIFETIME) >= 0) {
      throw new IllegalArgumentException("renewalPeriod must be shorter than the Gmail watch"
          + " lifetime of " + GMAIL_WATCH_LIFETIME + ", got " + renewalPeriod);
    }
  }

  /**
   * Returns the production settings for {@code topicName}. They watch INBOX, renew once a day,
   * well before the watch expires, claim a failed renewal again after 10 minutes and read the
   * leases every 10 minutes.
   */
  public static WatchSettings defaults(String topicName) {
    return new WatchSettings(topicName, List.of("INBOX"), Duration.ofDays(1),
        Duration.ofMinutes(10), Duration.ofMinutes(10));
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
