package dev.autoreply.worker.safety;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reply limit kept in this process, for the offline replay: one reply per sender and thread for
 * the life of the process.
 */
public final class InMemoryReplyLimit implements ReplyLimit {

  private final Map<String, String> replied = new ConcurrentHashMap<>();

  @Override
  public boolean tryAcquire(String tenant, String sender, String threadKey, String messageId,
      Instant now) {
    String holder = messageId == null ? "" : messageId;
    String previous = replied.putIfAbsent(key(tenant, sender, threadKey), holder);
    return previous == null || (messageId != null && previous.equals(messageId));
  }

  @Override
  public void release(String tenant, String sender, String threadKey) {
    replied.remove(key(tenant, sender, threadKey));
  }

  private static String key(String tenant, String sender, String threadKey) {
    return tenant + "\u0000" + sender.strip().toLowerCase(Locale.ROOT) + "\u0000" + threadKey;
  }
}
