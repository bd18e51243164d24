package dev.autoreply.worker.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.firestore.Firestore;
import dev.autoreply.worker.testing.FirestoreEmulator;
import dev.autoreply.worker.testing.ManualTicker;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

class CustomerDirectoryEmulatorTest {

  @RegisterExtension
  static final FirestoreEmulator EMULATOR = new FirestoreEmulator();

  private static final String TENANT = "shop-a/support";
  private static final String OTHER_TENANT = "shop-b/support";
  private static final CustomerCacheSettings SETTINGS = new CustomerCacheSettings(
      100, Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofSeconds(5));

  private final ManualTicker ticker = new ManualTicker();
  private Firestore firestore;
  private CustomerDirectory directory;

  @BeforeEach
  void connect(TestInfo test) {
    String projectId = "customers-" + test.getTestMethod().orElseThrow().getName()
        .toLowerCase(Locale.ROOT);
    firestore = EMULATOR.firestore(projectId);
    directory = new CustomerDirectory(firestore, SETTINGS, ticker);
  }

  @AfterEach
  void disconnect() throws Exception {
    firestore.close();
  }

  @Test
  void findsCustomerIgnoringCase() throws Exception {
    store(TENANT, "jonas@example.org",
        Map.of("name", "Jonas Weber", "tier", "Gold", "notes", "Prefers German."));

    Optional<Customer> customer = directory.find(TENANT, " Jonas@Example.ORG ");

    assertThat(customer).contains(
        new Customer("jonas@example.org", "Jonas Weber", "gold", "Prefers German."));
  }

  @Test
  void unknownAddressIsEmpty() {
    assertThat(directory.find(TENANT, "nobody@example.org")).isEmpty();
  }

  @Test
  void blankAddressIsEmpty() {
    assertThat(directory.find(TENANT, " ")).isEmpty();
    assertThat(directory.find(TENANT, null)).isEmpty();
  }

  @Test
  void blankTenantIsRejected() {
    assertThatThrownBy(() -> directory.find("", "jonas@example.org"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenant must not be blank");
  }

  @Test
  void tenantsHaveSeparateCustomers() throws Exception {
    store(TENANT, "jonas@example.org", Map.of("name", "Jonas Weber", "tier", "vip"));

    assertThat(directory.find(OTHER_TENANT, "jonas@example.org")).isEmpty();
    assertThat(directory.find(TENANT, "jonas@example.org").map(Customer::tier)).contains("vip");
  }

  @Test
  void missingFieldsGetDefaults() throws Exception {
    store(TENANT, "jonas@example.org", Map.of());

    assertThat(directory.find(TENANT, "jonas@example.org"))
        .contains(new Customer("jonas@example.org", "", Customer.DEFAULT_TIER, ""));
  }

  @Test
  void nonStringFieldIsIgnored() throws Exception {
    store(TENANT, "jonas@example.org", Map.of("name", "Jonas Weber", "tier", 3));

    assertThat(directory.find(TENANT, "jonas@example.org"))
        .contains(new Customer("jonas@example.org", "Jonas Weber", "standard", ""));
  }

  @Test
  void foundCustomerCachedUntilTtl() throws Exception {
    store(TENANT, "jonas@example.org", Map.of("tier", "gold"));
    assertThat(directory.find(TENANT, "jonas@example.org").map(Customer::tier)).contains("gold");

    store(TENANT, "jonas@example.org", Map.of("tier", "vip"));
    ticker.advance(Duration.ofMinutes(9));
    assertThat(directory.find(TENANT, "jonas@example.org").map(Customer::tier)).contains("gold");

    ticker.advance(Duration.ofMinutes(1).plusSeconds(1));
    assertThat(directory.find(TENANT, "jonas@example.org").map(Customer::tier)).contains("vip");
  }

  @Test
  void unknownAddressCachedForShorterTtl() throws Exception {
    assertThat(directory.find(TENANT, "new@example.org")).isEmpty();

    store(TENANT, "new@example.org", Map.of("tier", "gold"));
    ticker.advance(Duration.ofSeconds(59));
    assertThat(directory.find(TENANT, "new@example.org")).isEmpty();

    ticker.advance(Duration.ofSeconds(2));
    assertThat(directory.find(TENANT, "new@example.org").map(Customer::tier)).contains("gold");
  }

  @Test
  void firestoreDownReturnsEmpty() throws Exception {
    FirestoreEmulator stopped = new FirestoreEmulator();
    stopped.start();
    Firestore unreachable = stopped.firestore("customers-down");
    CustomerDirectory failing = new CustomerDirectory(unreachable, new CustomerCacheSettings(
        100, Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMillis(500)), ticker);
    CustomerPaths.customer(unreachable, TENANT, "jonas@example.org")
        .set(Map.of("tier", "gold")).get();
    stopped.close();

    try {
      assertThat(failing.find(TENANT, "jonas@example.org")).isEmpty();
    } finally {
      unreachable.close();
    }
  }

  private void store(String tenant, String address, Map<String, Object> fields) throws Exception {
    CustomerPaths.customer(firestore, tenant, address).set(fields).get();
  }
}
