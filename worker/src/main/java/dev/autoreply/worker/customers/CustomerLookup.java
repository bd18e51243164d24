package dev.autoreply.worker.customers;

import java.util.Optional;

/** Finds what a tenant knows about a sender; {@link CustomerDirectory} reads Firestore. */
@FunctionalInterface
public interface CustomerLookup {

  /** A lookup that knows no customer, for the offline replay. */
  CustomerLookup NONE = (tenant, address) -> Optional.empty();

  Optional<Customer> find(String tenant, String address);
}
