package dev.autoreply.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.autoreply.api.schema.CrdSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validates every custom resource in config/samples against the openAPIV3Schema of the
 * generated CRD, as an API server would, with unknown fields rejected as kubectl's strict
 * field validation does.
 */
class SampleResourcesValidationTest {

  private static final YAMLMapper YAML = new YAMLMapper();

  static Stream<Path> sampleFiles() throws IOException {
    try (Stream<Path> files = Files.list(TestPaths.repository().resolve("config/samples"))) {
      return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("sampleFiles")
  void sampleMatchesCrdSchema(Path sample) throws IOException {
    for (JsonNode resource : readDocuments(sample)) {
      CrdSchemaCheck schema = schemaFor(resource.path("kind").asText());

      Set<String> errors = schema.validate(resource);

      assertThat(errors).as(sample.getFileName() + " " + resource.path("metadata").path("name"))
          .isEmpty();
    }
  }

  @Test
  void samplesCoverBothKinds() throws IOException {
    List<String> kinds = new ArrayList<>();
    for (Path sample : sampleFiles().toList()) {
      readDocuments(sample).forEach(resource -> kinds.add(resource.path("kind").asText()));
    }

    assertThat(kinds).contains("AutoReplyTenant", "RegionPolicy");
  }

  @Test
  void schemaRejectsTenantWithoutMailboxes() throws IOException {
    ObjectNode tenant = (ObjectNode) readDocuments(
        TestPaths.repository().resolve("config/samples/tenant-acme-support.yaml")).get(0);
    ((ObjectNode) tenant.get("spec")).putArray("mailboxes");

    Set<String> errors = schemaFor("AutoReplyTenant").validate(tenant);

    assertThat(errors).containsExactly("spec.mailboxes: must have at least 1 items but found 0");
  }

  @Test
  void schemaRejectsUnknownTone() throws IOException {
    ObjectNode tenant = (ObjectNode) readDocuments(
        TestPaths.repository().resolve("config/samples/tenant-acme-support.yaml")).get(0);
    ((ObjectNode) tenant.get("spec")).put("tone", "sarcastic");

    Set<String> errors = schemaFor("AutoReplyTenant").validate(tenant);

    assertThat(errors).containsExactly(
        "spec.tone: does not have a value in the enumeration [\"concise\", \"empathetic\", \"formal\", \"friendly\"]");
  }

  @Test
  void schemaRejectsUnknownField() throws IOException {
    ObjectNode tenant = (ObjectNode) readDocuments(
        TestPaths.repository().resolve("config/samples/tenant-acme-support.yaml")).get(0);
    ((ObjectNode) tenant.get("spec")).put("mailbox", "typo@acme.example");

    Set<String> errors = schemaFor("AutoReplyTenant").validate(tenant);

    assertThat(errors).containsExactly(
        "spec: property 'mailbox' is not defined in the schema and the schema does not allow additional properties");
  }

  @Test
  void schemaRejectsMalformedSubscription() throws IOException {
    ObjectNode tenant = (ObjectNode) readDocuments(
        TestPaths.repository().resolve("config/samples/tenant-acme-support.yaml")).get(0);
    ((ObjectNode) tenant.at("/spec/pubsub")).put("subscription", "acme-gmail-push");

    Set<String> errors = schemaFor("AutoReplyTenant").validate(tenant);

    assertThat(errors).hasSize(1);
    assertThat(errors.iterator().next()).startsWith("spec.pubsub.subscription: does not match the regex pattern");
  }

  private static List<JsonNode> readDocuments(Path file) throws IOException {
    try (var parser = new YAMLFactory().createParser(file.toFile())) {
      return YAML.readValues(parser, JsonNode.class).readAll().stream()
          .filter(node -> node != null && !node.isNull() && !node.isMissingNode())
          .toList();
    }
  }

  private static CrdSchemaCheck schemaFor(String kind) {
    return new CrdSchemaCheck(CrdSchema.forKind(kind).orElseThrow(
        () -> new AssertionError("no CRD for kind " + kind)));
  }

  /** Adapts {@link CrdSchema} to the message sets these tests compare. */
  private record CrdSchemaCheck(CrdSchema schema) {

    Set<String> validate(JsonNode resource) {
      return Set.copyOf(schema.validate(resource));
    }
  }
}
