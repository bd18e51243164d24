package dev.autoreply.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The openAPIV3Schema of a generated CRD as a JSON Schema validator, so a resource can be checked
 * as the API server checks it before it is applied. Unknown fields are errors, as with kubectl's
 * strict field validation. The CEL rules of the CRD are not evaluated here.
 */
public final class CrdSchema {

  /** Classpath folder of the CRD files, the same files as the repository's crds/ folder. */
  public static final String RESOURCE_FOLDER = "META-INF/autoreply/crds/";

  private static final Map<String, String> CRD_FILES = Map.of(
      "AutoReplyTenant", "autoreplytenants.autoreply.dev-v1.yml",
      "RegionPolicy", "regionpolicies.autoreply.dev-v1.yml");

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern MISSING_FIELD = Pattern.compile("^(.*): required property '([^']+)' not found$");

  private final JsonSchema schema;

  private CrdSchema(JsonSchema schema) {
    this.schema = schema;
  }

  /** Returns the schema of {@code kind}, or empty when autoreply defines no such kind. */
  public static Optional<CrdSchema> forKind(String kind) {
    String file = CRD_FILES.get(kind);
    if (file == null) {
      return Optional.empty();
    }
    try (InputStream in = CrdSchema.class.getClassLoader().getResourceAsStream(RESOURCE_FOLDER + file)) {
      if (in == null) {
        throw new IllegalStateException("CRD " + file + " is missing from the classpath");
      }
      return Optional.of(fromCrd(YAML.readTree(in)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CRD " + file, e);
    }
  }

  /** Builds the validator of the first version of {@code crd}, a CustomResourceDefinition. */
  public static CrdSchema fromCrd(JsonNode crd) {
    ObjectNode schema = closeObjects((ObjectNode) crd.at("/spec/versions/0/schema/openAPIV3Schema").deepCopy());
    ObjectNode properties = (ObjectNode) schema.get("properties");
    properties.putObject("apiVersion").put("type", "string");
    properties.putObject("kind").put("type", "string");
    properties.putObject("metadata").put("type", "object");
    return new CrdSchema(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema));
  }

  /**
   * Returns one message per violation, each starting with the field path, e.g.
   * "spec.scaling.targetCpuUtilization: must have a maximum value of 100".
   */
  public List<String> validate(JsonNode resource) {
    return schema.validate(resource).stream()
        .map(ValidationMessage::getMessage)
        .map(CrdSchema::readable)
        .sorted()
        .toList();
  }

  /** Drops the JSONPath root and names a missing field by its full path. */
  private static String readable(String message) {
    String path = message.startsWith("$.") ? message.substring(2) : message;
    Matcher missing = MISSING_FIELD.matcher(path);
    if (missing.matches()) {
      String parent = missing.group(1).equals("$") ? "" : missing.group(1) + ".";
      return "missing required field " + parent + missing.group(2);
    }
    return path;
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
