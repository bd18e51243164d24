package dev.autoreply.worker.customers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import com.google.api.core.ApiFuture;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up a tenant's customers by sender address in Firestore, at {@code
 * tenants/{tenant}/customers/{address}}, and caches found and unknown addresses in memory. A
 * failed lookup returns empty and logs a warning, because a reply must not wait for customer
 * data. Failed lookups are not cached, so the next mail from that sender reads Firestore again.
 */
public final class CustomerDirectory implements CustomerLookup {

  private static final Logger log = LoggerFactory.getLogger(CustomerDirectory.class);

  private final Firestore firestore;
  private final long timeoutMillis;
  private final Cache<CustomerKey, Optional<Customer>> cache;

  /** Creates a directory with the default cache settings. */
  public CustomerDirectory(Firestore firestore) {
    this(firestore, CustomerCacheSettings.defaults(), Ticker.systemTicker());
  }

  /**
   * Creates a directory.
   *
   * @param ticker time source of the cache expiry
   */
  public CustomerDirectory(Firestore firestore, CustomerCacheSettings settings, Ticker ticker) {
    this.firestore = Objects.requireNonNull(firestore, "firestore");
    Objects.requireNonNull(settings, "settings");
    this.timeoutMillis = settings.lookupTimeout().toMillis();
    this.cache = Caffeine.newBuilder()
        .maximumSize(settings.maxEntries())
        .expireAfter(Expiry.<CustomerKey, Optional<Customer>>writing((key, customer) ->
            customer.isPresent() ? settings.foundTtl() : settings.notFoundTtl()))
        .ticker(Objects.requireNonNull(ticker, "ticker"))
        .build();
  }

  /**
   * Finds the customer with mail address {@code address}, ignoring case.
   *
   * @return the customer, or empty if the address is blank, unknown, or the lookup failed
   * @throws IllegalArgumentException if the tenant is blank
   */
  @Override
  public Optional<Customer> find(String tenant, String address) {
    if (tenant == null || tenant.isBlank()) {
      throw new IllegalArgumentException("tenant must not be blank, but was \"" + tenant + "\"");
    }
    if (address == null || address.isBlank()) {
      return Optional.empty();
    }
    CustomerKey key = new CustomerKey(tenant, CustomerPaths.normalizeAddress(address));
    try {
      return cache.get(key, this::read);
    } catch (RuntimeException e) {
      // The Firestore client can also throw before it returns a future, for example once closed.
      String reason = e instanceof CustomerLookupException ? e.getMessage() : e.toString();
      log.warn("Customer lookup failed for tenant {} and sender domain {}; replying without "
          + "customer data: {}", tenant, domain(key.address()), reason);
      return Optional.empty();
    }
  }

  /** Reads one customer document from Firestore. */
  private Optional<Customer> read(CustomerKey key) {
    ApiFuture<DocumentSnapshot> future =
        CustomerPaths.customer(firestore, key.tenant(), key.address()).get();
    DocumentSnapshot snapshot = await(future);
    if (!snapshot.exists()) {
      return Optional.empty();
    }
    return Optional.of(CustomerFields.toCustomer(key.tenant(), key.address(), snapshot));
  }

  private DocumentSnapshot await(ApiFuture<DocumentSnapshot> future) {
    try {
      return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new CustomerLookupException("Firestore read failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new CustomerLookupException(
          "Firestore read timed out after " + timeoutMillis + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CustomerLookupException("interrupted while waiting for Firestore", e);
    }
  }

  /** Returns the part after the last '@', so logs name the sender's domain and not the person. */
  private static String domain(String address) {
    int at = address.lastIndexOf('@');
    return at < 0 ? "(none)" : address.substring(at + 1);
  }
}
