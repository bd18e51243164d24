package dev.autoreply.worker.customers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerTest {

  @Test
  void valuesAreNormalized() {
    Customer customer = new Customer(" Jonas@Example.org ", null, " VIP ", null);

    assertThat(customer.address()).isEqualTo("jonas@example.org");
    assertThat(customer.name()).isEmpty();
    assertThat(customer.tier()).isEqualTo("vip");
    assertThat(customer.notes()).isEmpty();
  }

  @Test
  void blankTierIsStandard() {
    assertThat(new Customer("a@example.org", "A", " ", "").tier()).isEqualTo("standard");
  }
}
