package dev.autoreply.worker.ledger;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ledger kept in this process, for the offline replay. It gives the same claim-once guarantee as
 * the Firestore ledger within one process and loses everything when the process ends.
 */
public final class InMemoryLedger implements MessageLedger {

  private final Map<String, LedgerState> states = new ConcurrentHashMap<>();

  @Override
  public boolean claim(String tenant, String messageId, String mailbox) {
    return states.putIfAbsent(key(tenant, messageId), LedgerState.CLAIMED) == null;
  }

  @Override
  public void recordOutcome(String tenant, String messageId, LedgerState state, String reason) {
    states.put(key(tenant, messageId), state);
  }

  @Override
  public void releaseClaim(String tenant, String messageId) {
    states.remove(key(tenant, messageId));
  }

  @Override
  public Optional<LedgerState> state(String tenant, String messageId) {
    return Optional.ofNullable(states.get(key(tenant, messageId)));
  }

  private static String key(String tenant, String messageId) {
    return tenant + "\u0000" + messageId;
  }
}
