package dev.autoreply.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Evaluates every CEL rule of the AutoReplyTenant CRD with cel-java against the samples and
 * against mutated copies, since no API server runs in the tests.
 */
class CrdValidationRulesTest {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String SCALING_MESSAGE =
      "spec.scaling.minReplicas must not exceed spec.scaling.maxReplicas";
  private static final String MAILBOX_MESSAGE =
      "spec.mailboxes must contain only mail addresses such as support@example.com";
  private static final String SCHEDULE_NAMES_MESSAGE =
      "spec.schedules must not contain two schedules with the same name";

  private static CrdValidationRules tenantRules;

  @BeforeAll
  static void loadRules() throws IOException {
    tenantRules = CrdValidationRules.load(
        TestPaths.repository().resolve("crds/autoreplytenants.autoreply.dev-v1.yml"));
  }

  @Test
  void crdHasExpectedRules() {
    // A new rule fails this test until a test below covers it.
    assertThat(tenantRules.rules()).extracting(CrdValidationRules.Rule::location)
        .containsExactlyInAnyOrder("spec.mailboxes", "spec.scaling", "spec.schedules",
            "spec.schedules[]");
  }

  @Test
  void regionPolicyCrdHasNoRules() throws IOException {
    CrdValidationRules policyRules = CrdValidationRules.load(
        TestPaths.repository().resolve("crds/regionpolicies.autoreply.dev-v1.yml"));

    assertThat(policyRules.rules()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tenant-acme-support.yaml", "tenant-globex-helpdesk.yaml"})
  void samplePassesEveryRule(String sample) throws IOException {
    assertThat(tenantRules.violations(sample(sample))).isEmpty();
  }

  @Test
  void scalingMinAboveMaxRejected() throws IOException {
    ObjectNode tenant = sample("tenant-acme-support.yaml");
    scaling(tenant).put("minReplicas", 6).put("maxReplicas", 5);

    assertThat(tenantRules.violations(tenant)).containsExactly(SCALING_MESSAGE);
  }

  @Test
  void scalingMinEqualToMaxAccepted() throws IOException {
    ObjectNode tenant = sample("tenant-acme-support.yaml");
    scaling(tenant).put("minReplicas", 5).put("maxReplicas", 5);

    assertThat(tenantRules.violations(tenant)).isEmpty();
  }

  @Test
  void scalingWithOneBoundAccepted() throws IOException {
    ObjectNode onlyMin = sample("tenant-acme-support.yaml");
    scaling(onlyMin).put("minReplicas", 40).remove("maxReplicas");
    ObjectNode onlyMax = sample("tenant-acme-support.yaml");
    scaling(onlyMax).put("maxReplicas", 1).remove("minReplicas");
    ObjectNode noScaling = sample("tenant-acme-support.yaml");
    ((ObjectNode) noScaling.get("spec")).remove("scaling");

    assertThat(tenantRules.violations(onlyMin)).isEmpty();
    assertThat(tenantRules.violations(onlyMax)).isEmpty();
    assertThat(tenantRules.violations(noScaling)).isEmpty();
  }

  @Test
  void scheduleMinAboveMaxRejected() throws IOException {
    ObjectNode tenant = sample("tenant-acme-support.yaml");
    ArrayNode schedules = ((ObjectNode) tenant.get("spec")).putArray("schedules");
    schedules.add(schedule("office-hours", 10, 20));
    schedules.add(schedule("weekend", 3, 2));

    assertThat(tenantRules.violations(tenant))
        .containsExactly("minReplicas of schedule weekend must not exceed its maxReplicas");
  }

  @Test
  void scheduleWithOneBoundAccepted() throws IOException {
    ObjectNode tenant = sample("tenant-acme-support.yaml");
    ArrayNode schedules = ((ObjectNode) tenant.get("spec")).putArray("schedules");
    schedules.add(schedule("office-hours", 10, 20)).add(schedule("night", 1, 1));
    ((ObjectNode) schedules.get(0)).remove("maxReplicas");

    assertThat(tenantRules.violations(tenant)).isEmpty();
  }

  @Test
  void duplicateScheduleNamesRejected() throws IOException {
    ObjectNode tenant = sample("tenant-acme-support.yaml");
    ArrayNode schedules = ((ObjectNode) tenant.get("spec")).putArray("schedules");
    schedules.add(schedule("office-hours", 2, 4));
    schedules.add(schedule("weekend", 1, 2));
    schedules.add(schedule("office-hours", 5, 8));

    assertThat(tenantRules.violations(tenant)).containsExactly(SCHEDULE_NAMES_MESSAGE);
  }

  @Test
  void emptyScheduleListAccepted() throws IOException {
    ObjectNode tenant = sample("tenant-acme-support.yaml");
    ((ObjectNode) tenant.get("spec")).putArray("schedules");

    assertThat(tenantRules.violations(tenant)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"support", "support@acme", "support(at)acme.example", "@acme.example",
      "two words@acme.example", "support@@acme.example", "support@acme.", ""})
  void malformedMailboxRejected(String mailbox) throws IOException {
    ObjectNode tenant = sample("tenant-acme-support.yaml");
    ((ArrayNode) tenant.at("/spec/mailboxes")).add(mailbox);

    assertThat(tenantRules.violations(tenant)).as(mailbox).containsExactly(MAILBOX_MESSAGE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@b.c", "first.last+tag@mail.acme.example", "SUPPORT@ACME.EXAMPLE"})
  void wellFormedMailboxAccepted(String mailbox) throws IOException {
    ObjectNode tenant = sample("tenant-acme-support.yaml");
    ((ArrayNode) tenant.at("/spec/mailboxes")).add(mailbox);

    assertThat(tenantRules.violations(tenant)).as(mailbox).isEmpty();
  }

  @Test
  void everyRuleReportsItsOwnMessage() throws IOException {
    ObjectNode tenant = sample("tenant-acme-support.yaml");
    scaling(tenant).put("minReplicas", 9).put("maxReplicas", 2);
    ((ArrayNode) tenant.at("/spec/mailboxes")).add("nobody");
    ArrayNode schedules = ((ObjectNode) tenant.get("spec")).putArray("schedules");
    schedules.add(schedule("peak", 8, 4)).add(schedule("peak", 1, 2));

    assertThat(tenantRules.violations(tenant)).containsExactlyInAnyOrder(MAILBOX_MESSAGE,
        SCALING_MESSAGE, SCHEDULE_NAMES_MESSAGE,
        "minReplicas of schedule peak must not exceed its maxReplicas");
  }

  @Test
  void tenantPrinterColumns() throws IOException {
    JsonNode columns = YAML.readTree(TestPaths.repository()
        .resolve("crds/autoreplytenants.autoreply.dev-v1.yml").toFile())
        .at("/spec/versions/0/additionalPrinterColumns");

    assertThat(columns).extracting(column -> column.path("name").asText() + " "
        + column.path("type").asText() + " " + column.path("jsonPath").asText())
        .containsExactlyInAnyOrder(
            "Ready string .status.conditions[?(@.type==\"Ready\")].status",
            "Mailboxes integer .status.mailboxes",
            "Window string .status.activeSchedule",
            "Replicas integer .status.readyReplicas",
            "Age date .metadata.creationTimestamp");
  }

  @Test
  void toneAndModeAreEnums() throws IOException {
    JsonNode spec = YAML.readTree(TestPaths.repository()
        .resolve("crds/autoreplytenants.autoreply.dev-v1.yml").toFile())
        .at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties");

    assertThat(spec.at("/tone/enum")).extracting(JsonNode::asText)
        .containsExactly("concise", "empathetic", "formal", "friendly");
    assertThat(spec.at("/mode/enum")).extracting(JsonNode::asText)
        .containsExactly("draft", "send", "shadow");
    assertThat(spec.at("/mailboxes/minItems").asInt()).isEqualTo(1);
  }

  private static ObjectNode sample(String fileName) throws IOException {
    Path file = TestPaths.repository().resolve("config/samples").resolve(fileName);
    return (ObjectNode) YAML.readTree(file.toFile());
  }

  private static ObjectNode scaling(ObjectNode tenant) {
    ObjectNode spec = (ObjectNode) tenant.get("spec");
    return spec.has("scaling") ? (ObjectNode) spec.get("scaling") : spec.putObject("scaling");
  }

  private static ObjectNode schedule(String name, int minReplicas, int maxReplicas) {
    ObjectNode schedule = YAML.createObjectNode();
    schedule.put("name", name)
        .put("start", "0 8 * * 1-5")
        .put("end", "0 18 * * 1-5")
        .put("timeZone", "Europe/Berlin")
        .put("minReplicas", minReplicas)
        .put("maxReplicas", maxReplicas);
    return schedule;
  }
}
