package dev.autoreply.worker.drafting;

import dev.autoreply.api.settings.WorkerSettings;
import java.util.List;

/** Settings and requests shared by the drafting tests. */
final class DraftingFixtures {

  private DraftingFixtures() {
  }

  static WorkerSettings settings(String signature, String instructions, String template) {
    return new WorkerSettings("shop-a/support", List.of("help@shop-a.example"),
        "projects/p/subscriptions/gmail", "demo-project", "europe-west1", "(default)",
        "gemini-2.5-flash", 512, "friendly", "send", instructions, signature, template);
  }

  static WorkerSettings settings() {
    return settings("Anna, Shop A support", "Offer a refund only for orders under 30 days.", "");
  }

  static DraftRequest request(WorkerSettings settings, String body) {
    return new DraftRequest(settings, "18f0a1", "Jonas Weber", "jonas@example.org",
        "Order 1234 arrived broken", body, "");
  }
}
