package dev.autoreply.worker.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autoreply.worker.drafting.Prompt;
import dev.autoreply.worker.testing.EmbeddedRedis;
import dev.autoreply.worker.testing.ManualTicker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

class ReplyCacheTest {

  @RegisterExtension
  static final EmbeddedRedis REDIS = new EmbeddedRedis();

  private static final String TENANT = "shop-a/support";
  private static final String OTHER_TENANT = "shop-b/support";
  private static final String MATERIAL = ReplyCacheKeys.material(
      new Prompt("You write replies.\n", "Customer name: Jonas\nSubject: Broken\n\nIt broke."),
      "gemini-2.5-flash", 512);
  private static final ReplyCacheSettings SETTINGS =
      new ReplyCacheSettings(100, Duration.ofMinutes(1), Duration.ofSeconds(5));

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ManualTicker ticker = new ManualTicker();
  private RedisClient client;

  @BeforeEach
  void connect() {
    client = RedisClients.standalone(EmbeddedRedis.HOST, REDIS.port(), Duration.ofSeconds(2));
    client.flushAll();
  }

  @AfterEach
  void disconnect() {
    client.close();
  }

  @Test
  void putThenGetHitsMemory() {
    ReplyCache cache = newCache(client);

    cache.put(TENANT, MATERIAL, "Thanks, we will send a new one.");

    assertThat(cache.get(TENANT, MATERIAL)).contains("Thanks, we will send a new one.");
    assertThat(count(TENANT, "memory", "hit")).isEqualTo(1.0);
    assertThat(count(TENANT, "memory", "miss")).isZero();
    assertThat(count(TENANT, "redis", "hit")).isZero();
    assertThat(registry.scrape()).contains("autoreply_cache_requests_total{level=\"memory\","
        + "result=\"hit\",tenant=\"shop-a/support\"} 1.0\n");
  }

  @Test
  void freshCacheHitsRedis() {
    newCache(client).put(TENANT, MATERIAL, "Stored by another worker.");

    try (RedisClient otherClient =
        RedisClients.standalone(EmbeddedRedis.HOST, REDIS.port(), Duration.ofSeconds(2))) {
      ReplyCache fresh = newCache(otherClient);

      assertThat(fresh.get(TENANT, MATERIAL)).contains("Stored by another worker.");
      assertThat(count(TENANT, "memory", "miss")).isEqualTo(1.0);
      assertThat(count(TENANT, "redis", "hit")).isEqualTo(1.0);

      assertThat(fresh.get(TENANT, MATERIAL)).contains("Stored by another worker.");
      assertThat(count(TENANT, "memory", "hit")).isEqualTo(1.0);
      assertThat(count(TENANT, "redis", "hit")).isEqualTo(1.0);
    }
  }

  @Test
  void unknownMaterialMissesBothLevels() {
    ReplyCache cache = newCache(client);

    assertThat(cache.get(TENANT, MATERIAL)).isEmpty();
    assertThat(count(TENANT, "memory", "miss")).isEqualTo(1.0);
    assertThat(count(TENANT, "redis", "miss")).isEqualTo(1.0);
  }

  @Test
  void tenantsDoNotShareEntries() {
    ReplyCache cache = newCache(client);
    cache.put(TENANT, MATERIAL, "Reply of shop A.");

    assertThat(cache.get(OTHER_TENANT, MATERIAL)).isEmpty();
    assertThat(count(OTHER_TENANT, "redis", "miss")).isEqualTo(1.0);
    assertThat(client.get(ReplyCacheKeys.redisKey(TENANT, MATERIAL))).isEqualTo("Reply of shop A.");
    assertThat(client.exists(ReplyCacheKeys.redisKey(OTHER_TENANT, MATERIAL))).isFalse();

    cache.put(OTHER_TENANT, MATERIAL, "Reply of shop B.");

    assertThat(cache.get(TENANT, MATERIAL)).contains("Reply of shop A.");
    assertThat(cache.get(OTHER_TENANT, MATERIAL)).contains("Reply of shop B.");
  }

  @Test
  void redisEntryGetsExpiry() {
    newCache(client).put(TENANT, MATERIAL, "Expires.");

    long ttl = client.ttl(ReplyCacheKeys.redisKey(TENANT, MATERIAL));

    assertThat(ttl).isBetween(1L, 5L);
  }

  @Test
  void memoryEntryExpiresAfterTtl() {
    ReplyCache cache = newCache(client);
    cache.put(TENANT, MATERIAL, "Kept in Redis longer.");

    ticker.advance(Duration.ofMinutes(1).plusSeconds(1));

    assertThat(cache.get(TENANT, MATERIAL)).contains("Kept in Redis longer.");
    assertThat(count(TENANT, "memory", "miss")).isEqualTo(1.0);
    assertThat(count(TENANT, "redis", "hit")).isEqualTo(1.0);
  }

  @Test
  void blankTenantIsRejected() {
    ReplyCache cache = newCache(client);

    assertThatThrownBy(() -> cache.get(" ", MATERIAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenant must not be blank");
  }

  @Test
  void redisCircuitStartsClosed() {
    assertThat(newCache(client).redisCircuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  private ReplyCache newCache(RedisClient redis) {
    return new ReplyCache(redis, RedisCircuitBreakers.defaults(), SETTINGS, registry, ticker);
  }

  private double count(String tenant, String level, String result) {
    Counter counter = registry.find("autoreply.cache.requests")
        .tags("tenant", tenant, "level", level, "result", result)
        .counter();
    return counter == null ? 0.0 : counter.count();
  }
}
