package dev.autoreply.worker.customers;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import dev.autoreply.worker.ledger.DocumentIds;
import java.util.Locale;

/**
 * Document paths of the customer directory: {@code tenants/{tenant}/customers/{address}}, each
 * id encoded by {@link DocumentIds} like the ledger's, and the address in lower case.
 */
final class CustomerPaths {

  static final String TENANTS = "tenants";
  static final String CUSTOMERS = "customers";

  private CustomerPaths() {
  }

  static DocumentReference customer(Firestore firestore, String tenant, String address) {
    return firestore.collection(TENANTS)
        .document(DocumentIds.encode(tenant))
        .collection(CUSTOMERS)
        .document(DocumentIds.encode(normalizeAddress(address)));
  }

  /** Mail addresses are keyed in lower case, because Gmail addresses ignore case. */
  static String normalizeAddress(String address) {
    return address.strip().toLowerCase(Locale.ROOT);
  }
}
