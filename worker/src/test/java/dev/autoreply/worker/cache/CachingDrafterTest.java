package dev.autoreply.worker.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autoreply.api.settings.WorkerSettings;
import dev.autoreply.worker.drafting.DraftBlockedException;
import dev.autoreply.worker.drafting.DraftRequest;
import dev.autoreply.worker.drafting.DraftedReply;
import dev.autoreply.worker.drafting.ReplyDrafter;
import dev.autoreply.worker.testing.EmbeddedRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

class CachingDrafterTest {

  @RegisterExtension
  static final EmbeddedRedis REDIS = new EmbeddedRedis();

  private final List<DraftRequest> modelCalls = new ArrayList<>();
  private RedisClient client;
  private ReplyCache cache;

  @BeforeEach
  void connect() {
    client = RedisClients.standalone(EmbeddedRedis.HOST, REDIS.port(), Duration.ofSeconds(2));
    client.flushAll();
    cache = new ReplyCache(client, new SimpleMeterRegistry());
  }

  @AfterEach
  void disconnect() {
    client.close();
  }

  @Test
  void secondDraftComesFromCache() {
    CachingDrafter drafter = new CachingDrafter(countingModel(), cache);

    DraftedReply first = drafter.draft(request(settings("gemini-2.5-flash", 512), "It broke."));
    DraftedReply second = drafter.draft(request(settings("gemini-2.5-flash", 512), "It broke."));

    assertThat(modelCalls).hasSize(1);
    assertThat(first).isEqualTo(new DraftedReply("Reply 1", "gemini-2.5-flash", 120, 30));
    assertThat(second).isEqualTo(new DraftedReply("Reply 1", "gemini-2.5-flash", 0, 0));
  }

  @Test
  void otherBodyCallsModel() {
    CachingDrafter drafter = new CachingDrafter(countingModel(), cache);

    drafter.draft(request(settings("gemini-2.5-flash", 512), "It broke."));
    DraftedReply other = drafter.draft(request(settings("gemini-2.5-flash", 512), "It is late."));

    assertThat(modelCalls).hasSize(2);
    assertThat(other.text()).isEqualTo("Reply 2");
  }

  @Test
  void otherModelOrTokenLimitCallsModel() {
    CachingDrafter drafter = new CachingDrafter(countingModel(), cache);

    drafter.draft(request(settings("gemini-2.5-flash", 512), "It broke."));
    drafter.draft(request(settings("gemini-2.5-pro", 512), "It broke."));
    drafter.draft(request(settings("gemini-2.5-flash", 1024), "It broke."));

    assertThat(modelCalls).hasSize(3);
  }

  @Test
  void blockedDraftIsNotCached() {
    ReplyDrafter blocking = request -> {
      modelCalls.add(request);
      throw new DraftBlockedException("finish_safety", "blocked");
    };
    CachingDrafter drafter = new CachingDrafter(blocking, cache);
    DraftRequest request = request(settings("gemini-2.5-flash", 512), "It broke.");

    assertThatThrownBy(() -> drafter.draft(request)).isInstanceOf(DraftBlockedException.class);
    assertThatThrownBy(() -> drafter.draft(request)).isInstanceOf(DraftBlockedException.class);
    assertThat(modelCalls).hasSize(2);
  }

  @Test
  void cachedReplyKeepsWritingModel() {
    ReplyDrafter offline = request -> new DraftedReply("Template reply", "offline-template", 0, 0);
    CachingDrafter drafter = new CachingDrafter(offline, cache);
    DraftRequest request = request(settings("gemini-2.5-flash", 512), "It broke.");

    drafter.draft(request);
    DraftedReply cached = drafter.draft(request);

    assertThat(cached).isEqualTo(new DraftedReply("Template reply", "offline-template", 0, 0));
  }

  @Test
  void entryWithoutModelLineDecodesAsText() {
    DraftedReply decoded = CachingDrafter.decode("Only text", "gemini-2.5-flash");

    assertThat(decoded).isEqualTo(new DraftedReply("Only text", "gemini-2.5-flash", 0, 0));
  }

  private ReplyDrafter countingModel() {
    return request -> {
      modelCalls.add(request);
      return new DraftedReply("Reply " + modelCalls.size(), request.settings().model(), 120, 30);
    };
  }

  private static WorkerSettings settings(String model, int maxOutputTokens) {
    return new WorkerSettings("shop-a/support", List.of("help@shop-a.example"),
        "projects/p/subscriptions/gmail", "demo-project", "europe-west1", "(default)",
        model, maxOutputTokens, "friendly", "send", "Be brief.", "Anna", "");
  }

  private static DraftRequest request(WorkerSettings settings, String body) {
    return new DraftRequest(settings, "18f0a1", "Jonas Weber", "jonas@example.org",
        "Order 1234 arrived broken", body, "");
  }
}
