package dev.autoreply.worker.customers;

import com.google.cloud.firestore.DocumentSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Field names of customer documents and their conversion to {@link Customer}. */
final class CustomerFields {

  private static final Logger log = LoggerFactory.getLogger(CustomerFields.class);

  static final String NAME = "name";
  static final String TIER = "tier";
  static final String NOTES = "notes";

  private CustomerFields() {
  }

  /**
   * Converts a customer document. A field that is missing or not a string is read as empty, so
   * a badly typed field loses only itself and not the whole customer.
   */
  static Customer toCustomer(String tenant, String address, DocumentSnapshot snapshot) {
    return new Customer(
        address,
        text(tenant, snapshot, NAME),
        text(tenant, snapshot, TIER),
        text(tenant, snapshot, NOTES));
  }

  private static String text(String tenant, DocumentSnapshot snapshot, String field) {
    Object value = snapshot.get(field);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    log.warn("Customer document {} of tenant {} has field {} of type {} instead of a string; "
        + "ignoring the field", snapshot.getReference().getPath(), tenant, field,
        value.getClass().getSimpleName());
    return null;
  }
}
