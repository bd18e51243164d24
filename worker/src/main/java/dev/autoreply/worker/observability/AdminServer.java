package dev.autoreply.worker.observability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP server of the worker's admin endpoints: {@code /metrics} in the Prometheus text format
 * 0.0.4 and {@code /healthz}, which returns 200 "ok" while the health check passes and 503
 * "unhealthy" otherwise.
 */
public final class AdminServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

  static final String METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final InetSocketAddress address;
  private final PrometheusMeterRegistry registry;
  private final BooleanSupplier healthy;
  private final BooleanSupplier ready;
  private HttpServer server;
  private ExecutorService executor;

  /**
   * Creates a server for {@code address}; port 0 picks a free port. Use the wildcard address in
   * a pod, so the kubelet and Prometheus reach it, and the loopback address in tests.
   */
  public AdminServer(InetSocketAddress address, PrometheusMeterRegistry registry,
      BooleanSupplier healthy) {
    this(address, registry, healthy, healthy);
  }

  /**
   * Creates a server whose /healthz reports {@code healthy} (the process works) and whose /readyz
   * reports {@code ready} (the dependencies answer).
   */
  public AdminServer(InetSocketAddress address, PrometheusMeterRegistry registry,
      BooleanSupplier healthy, BooleanSupplier ready) {
    this.address = Objects.requireNonNull(address, "address");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.healthy = Objects.requireNonNull(healthy, "healthy");
    this.ready = Objects.requireNonNull(ready, "ready");
  }

  /** Creates a server on all interfaces and {@code port}. */
  public AdminServer(int port, PrometheusMeterRegistry registry, BooleanSupplier healthy) {
    this(new InetSocketAddress(port), registry, healthy);
  }

  /** Creates a server on all interfaces and {@code port} with separate liveness and readiness. */
  public AdminServer(int port, PrometheusMeterRegistry registry, BooleanSupplier healthy,
      BooleanSupplier ready) {
    this(new InetSocketAddress(port), registry, healthy, ready);
  }

  /**
   * Starts serving.
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the admin server to " + address
          + "; choose a free port", e);
    }
    executor = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "admin-http");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/metrics", this::serveMetrics);
    server.createContext("/healthz", exchange -> serveCheck(exchange, "health", healthy));
    server.createContext("/readyz", exchange -> serveCheck(exchange, "readiness", ready));
    server.start();
    log.info("Admin server started on port {}", port());
  }

  /** Returns the bound port, which differs from the requested one when that was 0. */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("the admin server is not started");
    }
    return server.getAddress().getPort();
  }

  /** Stops serving; requests in progress get up to one second to finish. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    int port = port();
    server.stop(1);
    executor.shutdownNow();
    server = null;
    log.info("Admin server on port {} stopped", port);
  }

  @Override
  public void close() {
    stop();
  }

  private void serveMetrics(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestURI().getPath().equals("/metrics")) {
      send(exchange, 404, "text/plain; charset=utf-8", "not found\n");
      return;
    }
    String body;
    try {
      body = registry.scrape();
    } catch (RuntimeException e) {
      log.error("Prometheus scrape failed: {}", e.toString(), e);
      send(exchange, 500, "text/plain; charset=utf-8", "scrape failed\n");
      return;
    }
    send(exchange, 200, METRICS_CONTENT_TYPE, body);
  }

  private void serveCheck(HttpExchange exchange, String name, BooleanSupplier check)
      throws IOException {
    boolean ok;
    try {
      ok = check.getAsBoolean();
    } catch (RuntimeException e) {
      log.error("The {} check failed: {}", name, e.toString(), e);
      ok = false;
    }
    send(exchange, ok ? 200 : 503, "text/plain; charset=utf-8", ok ? "ok\n" : "unhealthy\n");
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
