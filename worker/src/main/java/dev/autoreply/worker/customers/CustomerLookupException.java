package dev.autoreply.worker.customers;

/** Failure of one Firestore read of a customer; thrown inside the cache loader, so nothing is cached. */
final class CustomerLookupException extends RuntimeException {

  CustomerLookupException(String message, Throwable cause) {
    super(message, cause);
  }
}
