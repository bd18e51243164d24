package dev.autoreply.worker.customers;

import java.util.Optional;

/** Finds the tenant's record of a sender; {@link CustomerDirectory} reads it from Firestore. */
@FunctionalInterface
public interface CustomerLookup {

  /** A lookup that finds no customer, for the offline replay. */
  CustomerLookup NONE = (tenant, address) -> Optional.empty();

  Optional<Customer> find(String tenant, String address);
}
