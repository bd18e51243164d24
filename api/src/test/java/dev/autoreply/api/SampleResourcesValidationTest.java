package dev.autoreply.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
      JsonSchema schema = schemaFor(resource.path("kind").asText());

      Set<ValidationMessage> errors = schema.validate(resource);

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

    Set<String> errors = messages(schemaFor("AutoReplyTenant").validate(tenant));

    assertThat(errors).containsExactly("$.spec.mailboxes: must have at least 1 items but found 0");
  }

  @Test
  void schemaRejectsUnknownTone() throws IOException {
    ObjectNode tenant = (ObjectNode) readDocuments(
        TestPaths.repository().resolve("config/samples/tenant-acme-support.yaml")).get(0);
    ((ObjectNode) tenant.get("spec")).put("tone", "sarcastic");

    Set<String> errors = messages(schemaFor("AutoReplyTenant").validate(tenant));

    assertThat(errors).containsExactly(
        "$.spec.tone: does not have a value in the enumeration [\"concise\", \"empathetic\", \"formal\", \"friendly\"]");
  }

  @Test
  void schemaRejectsUnknownField() throws IOException {
    ObjectNode tenant = (ObjectNode) readDocuments(
        TestPaths.repository().resolve("config/samples/tenant-acme-support.yaml")).get(0);
    ((ObjectNode) tenant.get("spec")).put("mailbox", "typo@acme.example");

    Set<String> errors = messages(schemaFor("AutoReplyTenant").validate(tenant));

    assertThat(errors).containsExactly(
        "$.spec: property 'mailbox' is not defined in the schema and the schema does not allow additional properties");
  }

  @Test
  void schemaRejectsMalformedSubscription() throws IOException {
    ObjectNode tenant = (ObjectNode) readDocuments(
        TestPaths.repository().resolve("config/samples/tenant-acme-support.yaml")).get(0);
    ((ObjectNode) tenant.at("/spec/pubsub")).put("subscription", "acme-gmail-push");

    Set<String> errors = messages(schemaFor("AutoReplyTenant").validate(tenant));

    assertThat(errors).hasSize(1);
    assertThat(errors.iterator().next()).startsWith("$.spec.pubsub.subscription: does not match the regex pattern");
  }

  private static Set<String> messages(Set<ValidationMessage> errors) {
    return errors.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
  }

  private static List<JsonNode> readDocuments(Path file) throws IOException {
    try (var parser = new YAMLFactory().createParser(file.toFile())) {
      return YAML.readValues(parser, JsonNode.class).readAll().stream()
          .filter(node -> node != null && !node.isNull() && !node.isMissingNode())
          .toList();
    }
  }

  private static JsonSchema schemaFor(String kind) throws IOException {
    Map<String, String> crdFiles = Map.of(
        "AutoReplyTenant", "autoreplytenants.autoreply.dev-v1.yml",
        "RegionPolicy", "regionpolicies.autoreply.dev-v1.yml");
    assertThat(crdFiles).as("no CRD for kind " + kind).containsKey(kind);

    JsonNode crd = YAML.readTree(TestPaths.repository().resolve("crds").resolve(crdFiles.get(kind)).toFile());
    JsonNode schema = crd.at("/spec/versions/0/schema/openAPIV3Schema").deepCopy();
    ObjectNode strict = closeObjects((ObjectNode) schema);
    ObjectNode properties = (ObjectNode) strict.get("properties");
    properties.putObject("apiVersion").put("type", "string");
    properties.putObject("kind").put("type", "string");
    properties.putObject("metadata").put("type", "object");
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(strict);
  }

  /** Forbids fields that the schema does not declare, as strict field validation does. */
  private static ObjectNode closeObjects(ObjectNode schema) {
    JsonNode properties = schema.get("properties");
    boolean preservesUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    if (properties != null && !preservesUnknown && !schema.has("additionalProperties")) {
      schema.put("additionalProperties", false);
    }
    if (properties != null) {
      properties.fields().forEachRemaining(field -> closeObjects((ObjectNode) field.getValue()));
    }
    if (schema.get("items") instanceof ObjectNode items) {
      closeObjects(items);
    }
    if (schema.get("additionalProperties") instanceof ObjectNode values) {
      closeObjects(values);
    }
    return schema;
  }
}
