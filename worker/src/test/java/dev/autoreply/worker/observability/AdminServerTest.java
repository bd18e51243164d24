package dev.autoreply.worker.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminServerTest {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicBoolean healthy = new AtomicBoolean(true);
  private final HttpClient http = HttpClient.newHttpClient();
  private AdminServer server;

  @BeforeEach
  void start() {
    server = new AdminServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry,
        healthy::get);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void metricsServesScrape() throws Exception {
    new WorkerMetrics(registry, "shop-a/support").countMessage(MessageOutcome.REVIEW, "blocked");

    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body()).contains(
        "autoreply_messages_total{outcome=\"review\",reason=\"blocked\",tenant=\"shop-a/support\"} 1.0\n");
  }

  @Test
  void healthzOkWhileHealthy() throws Exception {
    HttpResponse<String> response = get("/healthz");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ok\n");
  }

  @Test
  void healthz503WhenUnhealthy() throws Exception {
    healthy.set(false);

    HttpResponse<String> response = get("/healthz");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("unhealthy\n");
  }

  @Test
  void unknownPathIs404() throws Exception {
    assertThat(get("/metrics/extra").statusCode()).isEqualTo(404);
    assertThat(get("/other").statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + path)).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
