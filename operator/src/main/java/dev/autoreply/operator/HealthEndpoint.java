package dev.autoreply.operator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * GET /healthz: 200 while the operator is started and all its informers are healthy, 503
 * otherwise. Meant for the liveness probe of the operator pod.
 */
final class HealthEndpoint {

  private HealthEndpoint() {
  }

  static HttpServer start(int port, Operator operator) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/healthz", exchange -> respond(exchange, operator));
    server.start();
    return server;
  }

  private static void respond(HttpExchange exchange, Operator operator) throws IOException {
    boolean healthy = operator.getRuntimeInfo().isStarted()
        && operator.getRuntimeInfo().allEventSourcesAreHealthy();
    byte[] body = (healthy ? "ok\n" : "unhealthy\n").getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(healthy ? 200 : 503, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
