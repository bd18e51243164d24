package dev.autoreply.operator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javaoperatorsdk.operator.RuntimeInfo;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * HTTP endpoints of the operator pod, all on one port:
 *
 * <ul>
 *   <li>GET /healthz, the liveness probe, and GET /startup, the startup probe: 200 once the
 *       operator has started and every informer is healthy, 503 before that and whenever an
 *       informer is unhealthy. The 503 body names the unhealthy event sources.
 *   <li>GET /metrics: the Prometheus text format of the registry, with JOSDK's metrics.
 * </ul>
 */
final class HealthEndpoint {

  private static final String TEXT = "text/plain; charset=utf-8";

  private HealthEndpoint() {
  }

  /**
   * Starts the server on its own thread. The runtime info is read on each request, so the server
   * can start before the operator does and return 503 until then.
   */
  static HttpServer start(InetSocketAddress address, Supplier<RuntimeInfo> runtimeInfo,
      PrometheusMeterRegistry registry) throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    server.createContext("/healthz", exchange -> respondHealth(exchange, runtimeInfo.get()));
    server.createContext("/startup", exchange -> respondHealth(exchange, runtimeInfo.get()));
    server.createContext("/metrics", exchange -> respond(exchange, 200,
        registry.scrape(), "text/plain; version=0.0.4; charset=utf-8"));
    server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "http-endpoints");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
    return server;
  }

  private static void respondHealth(HttpExchange exchange, RuntimeInfo runtimeInfo)
      throws IOException {
    if (runtimeInfo == null || !runtimeInfo.isStarted()) {
      respond(exchange, 503, "starting\n", TEXT);
    } else if (!runtimeInfo.allEventSourcesAreHealthy()) {
      respond(exchange, 503, "unhealthy event sources: "
          + runtimeInfo.unhealthyEventSources().keySet() + "\n", TEXT);
    } else {
      respond(exchange, 200, "ok\n", TEXT);
    }
  }

  private static void respond(HttpExchange exchange, int status, String body, String contentType)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
