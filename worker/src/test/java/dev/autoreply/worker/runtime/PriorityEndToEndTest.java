package dev.autoreply.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.firestore.Firestore;
import dev.autoreply.api.settings.PrioritySettings;
import dev.autoreply.worker.ledger.DocumentIds;
import dev.autoreply.worker.ledger.FirestoreFactory;
import dev.autoreply.worker.ledger.LedgerState;
import dev.autoreply.worker.testing.FakeGeminiServer;
import dev.autoreply.worker.testing.FirestoreEmulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A known customer with an urgent mail: the tier's model and the customer's notes reach Gemini. */
class PriorityEndToEndTest {

  private static final String MAILBOX = "support@acme.example";
  private static final String SENDER = "carla@vip.example";
  private static final String NOTES = "Key account; prefers answers in short bullet points.";

  @RegisterExtension
  static final FirestoreEmulator FIRESTORE = new FirestoreEmulator();

  @TempDir
  Path temp;

  @Test
  void urgentMailUsesTierModelAndNotes() throws Exception {
    PrioritySettings priority = new PrioritySettings(List.of("vip.example"), List.of("outage"),
        List.of("gold"), false, new PrioritySettings.TierSettings("gemini-2.5-pro", null, null), null);
    try (WorkerHarness.Servers servers = WorkerHarness.Servers.start();
        WorkerHarness worker = WorkerHarness.start(servers, FIRESTORE.hostAndPort(),
            WorkerHarness.ACME_TENANT, settings -> WorkerHarness.withPriority(settings, priority),
            WorkerHarness.FAST, temp)) {
      servers.gemini.replyWith("We are on it and will call you within the hour.", 60, 12);
      storeCustomer(worker, Map.of("name", "Carla Ruiz", "tier", "gold", "notes", NOTES));

      String messageId = worker.deliver(MAILBOX,
          WorkerHarness.mail("Carla Ruiz <" + SENDER + ">", MAILBOX, "Outage of the order page",
              "Our order page shows an outage since this morning."));
      WorkerHarness.await("ledger entry recorded", () -> worker.entry(messageId)
          .map(entry -> entry.state() == LedgerState.SENT).orElse(false));

      List<FakeGeminiServer.RecordedRequest> requests = servers.gemini.requests();
      assertThat(requests).hasSize(1);
      assertThat(requests.get(0).path()).endsWith("/models/gemini-2.5-pro:generateContent");
      assertThat(systemInstruction(requests.get(0).body())).contains(NOTES).contains("Customer tier: gold");
      assertThat(worker.scrape()).contains(
          "autoreply_priority_total{reason=\"urgent_keyword\",tenant=\"acme/acme-support\",tier=\"urgent\"} 1.0");
    }
  }

  private static void storeCustomer(WorkerHarness worker, Map<String, Object> fields) throws Exception {
    Firestore firestore = FirestoreFactory.emulator(worker.settings().projectId(),
        worker.settings().firestoreDatabase(), FIRESTORE.hostAndPort());
    try (firestore) {
      firestore.collection("tenants").document(DocumentIds.encode(worker.settings().tenant()))
          .collection("customers").document(DocumentIds.encode(SENDER))
          .set(fields).get();
    }
  }

  private static String systemInstruction(String body) throws Exception {
    JsonNode request = new ObjectMapper().readTree(body);
    StringBuilder text = new StringBuilder();
    for (JsonNode part : request.path("systemInstruction").path("parts")) {
      text.append(part.path("text").asText());
    }
    return text.toString();
  }
}
