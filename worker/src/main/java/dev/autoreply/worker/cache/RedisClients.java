package dev.autoreply.worker.cache;

import java.time.Duration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/** Builds pooled jedis clients for the {@link ReplyCache}. */
public final class RedisClients {

  /** Connect and read timeout; a cache lookup that takes longer is worth less than a miss. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(250);

  private RedisClients() {
  }

  /**
   * Builds a pooled client of the Redis server at {@code host:port}. Connections are opened on
   * first use, so the client builds while Redis is down. Each call waits at most {@code
   * timeout} to connect, {@code timeout} for the response and {@code timeout} for a free pooled
   * connection.
   */
  public static RedisClient standalone(String host, int port, Duration timeout) {
    int millis = Math.toIntExact(timeout.toMillis());
    DefaultJedisClientConfig client = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(millis)
        .socketTimeoutMillis(millis)
        .clientName("autoreply-worker")
        .build();
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxWait(timeout);
    return RedisClient.builder()
        .hostAndPort(host, port)
        .clientConfig(client)
        .poolConfig(pool)
        .build();
  }
}
