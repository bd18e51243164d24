package dev.autoreply.worker.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * Runs the redis-server binary bundled with embedded-redis on 127.0.0.1 and a free port, with
 * persistence turned off so it writes no dump file. Register it with {@code @RegisterExtension
 * static} to share one server per test class; {@link #stop()} and {@link #start()} let a test
 * take Redis away and bring it back on the same port.
 */
public final class EmbeddedRedis implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

  public static final String HOST = "127.0.0.1";

  private RedisServer server;
  private int port;

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /**
   * Starts the server, on a new free port the first time and on the same port afterwards.
   *
   * @throws UncheckedIOException if redis-server cannot be started
   */
  public synchronized void start() {
    if (server != null && server.isActive()) {
      return;
    }
    if (port == 0) {
      port = freePort();
    }
    try {
      server = RedisServer.newRedisServer()
          .bind(HOST)
          .port(port)
          .setting("save \"\"")
          .setting("appendonly no")
          .build();
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start redis-server on " + HOST + ":" + port, e);
    }
    log.info("Embedded Redis started on {}:{}", HOST, port);
  }

  /** Stops the server; clients then fail with connection errors. */
  public synchronized void stop() {
    if (server == null || !server.isActive()) {
      return;
    }
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop redis-server on " + HOST + ":" + port, e);
    }
    log.info("Embedded Redis on {}:{} stopped", HOST, port);
  }

  public synchronized int port() {
    if (port == 0) {
      throw new IllegalStateException("the embedded Redis is not started; call start() first");
    }
    return port;
  }

  @Override
  public void close() {
    stop();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
    }
  }
}
