package dev.autoreply.worker.ledger;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import java.util.Locale;

/**
 * Document paths of the ledger: {@code tenants/{tenant}/messages/{gmailMessageId}} and {@code
 * tenants/{tenant}/mailboxes/{address}}, each id encoded by {@link DocumentIds}.
 */
final class LedgerPaths {

  static final String TENANTS = "tenants";
  static final String MESSAGES = "messages";
  static final String MAILBOXES = "mailboxes";

  private LedgerPaths() {
  }

  static DocumentReference message(Firestore firestore, String tenant, String messageId) {
    return tenantDocument(firestore, tenant)
        .collection(MESSAGES)
        .document(DocumentIds.encode(messageId));
  }

  /** Mailbox addresses are keyed in lower case, because Gmail addresses ignore case. */
  static DocumentReference mailbox(Firestore firestore, String tenant, String address) {
    return tenantDocument(firestore, tenant)
        .collection(MAILBOXES)
        .document(DocumentIds.encode(normalizeAddress(address)));
  }

  static String normalizeAddress(String address) {
    return address == null ? null : address.toLowerCase(Locale.ROOT);
  }

  private static DocumentReference tenantDocument(Firestore firestore, String tenant) {
    return firestore.collection(TENANTS).document(DocumentIds.encode(tenant));
  }
}
