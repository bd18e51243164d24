package dev.autoreply.worker.safety;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reply limit kept in this process, for the offline replay: one reply per sender and thread for
 * the life of the process.
 */
public final class InMemoryReplyLimit implements ReplyLimit {

  private final Set<String> replied = ConcurrentHashMap.newKeySet();

  @Override
  public boolean tryAcquire(String tenant, String sender, String threadKey, Instant now) {
    return replied.add(key(tenant, sender, threadKey));
  }

  @Override
  public void release(String tenant, String sender, String threadKey) {
    replied.remove(key(tenant, sender, threadKey));
  }

  private static String key(String tenant, String sender, String threadKey) {
    return tenant + "\u0000" + sender.strip().toLowerCase(Locale.ROOT) + "\u0000" + threadKey;
  }
}
