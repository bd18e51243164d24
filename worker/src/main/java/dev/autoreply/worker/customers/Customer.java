package dev.autoreply.worker.customers;

import java.util.Locale;
import java.util.Objects;

/**
 * A known customer of a tenant.
 *
 * @param address the customer's mail address, lower case
 * @param name display name, empty when unknown
 * @param tier service tier such as standard, gold or vip, lower case
 * @param notes the support team's notes, empty when none
 */
public record Customer(String address, String name, String tier, String notes) {

  /** Tier of a customer whose document has no tier. */
  public static final String DEFAULT_TIER = "standard";

  public Customer {
    address = Objects.requireNonNull(address, "address").strip().toLowerCase(Locale.ROOT);
    name = Objects.requireNonNullElse(name, "").strip();
    tier = tier == null || tier.isBlank() ? DEFAULT_TIER : tier.strip().toLowerCase(Locale.ROOT);
    notes = Objects.requireNonNullElse(notes, "").strip();
  }
}
