package dev.autoreply.worker.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.worker.testing.EmbeddedRedis;
import dev.autoreply.worker.testing.ManualTicker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/** Takes its own Redis server away, so it does not share one with other test classes. */
class ReplyCacheRedisOutageTest {

  @RegisterExtension
  static final EmbeddedRedis REDIS = new EmbeddedRedis();

  private static final String TENANT = "shop-a/support";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CircuitBreaker breaker = RedisCircuitBreakers.of(4, 3, Duration.ofMinutes(5));
  private final RedisClient client =
      RedisClients.standalone(EmbeddedRedis.HOST, REDIS.port(), Duration.ofMillis(500));
  private final ReplyCache cache = new ReplyCache(client, breaker,
      new ReplyCacheSettings(100, Duration.ofMinutes(1), Duration.ofMinutes(5)), registry,
      new ManualTicker());

  @AfterEach
  void restart() {
    client.close();
    REDIS.start();
  }

  @Test
  void memoryServesWhileRedisDown() {
    cache.put(TENANT, "material-stored-before", "Stored while Redis was up.");
    assertThat(count("redis", "error")).isZero();

    REDIS.stop();

    assertThat(cache.get(TENANT, "material-stored-before")).contains("Stored while Redis was up.");
    assertThat(count("memory", "hit")).isEqualTo(1.0);

    cache.put(TENANT, "material-stored-during", "Stored while Redis was down.");
    assertThat(count("redis", "error")).isEqualTo(1.0);
    assertThat(cache.get(TENANT, "material-stored-during")).contains("Stored while Redis was down.");
    assertThat(count("memory", "hit")).isEqualTo(2.0);
  }

  @Test
  void redisOutageOpensCircuit() {
    cache.put(TENANT, "material-stored-before", "Stored while Redis was up.");

    REDIS.stop();

    assertThat(cache.get(TENANT, "material-one")).isEmpty();
    assertThat(cache.redisCircuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(cache.get(TENANT, "material-two")).isEmpty();
    assertThat(cache.redisCircuitState()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(count("redis", "error")).isEqualTo(2.0);

    assertThat(cache.get(TENANT, "material-three")).isEmpty();
    assertThat(count("redis", "error")).isEqualTo(3.0);
    assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(1);
  }

  private double count(String level, String result) {
    Counter counter = registry.find("autoreply.cache.requests")
        .tags("tenant", TENANT, "level", level, "result", result)
        .counter();
    return counter == null ? 0.0 : counter.count();
  }
}
