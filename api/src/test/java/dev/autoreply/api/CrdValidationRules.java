package dev.autoreply.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code x-kubernetes-validations} rules of one generated CRD, compiled and evaluated with
 * cel-java the way an API server evaluates them: each rule runs with {@code self} bound to the
 * value at its schema location, once per list item below an {@code items} schema, and not at all
 * when that value is absent.
 */
final class CrdValidationRules {

  /** One rule and the schema location it sits on, such as {@code spec.schedules[]}. */
  record Rule(String location, String expression, String message, String messageExpression) {
  }

  private static final YAMLMapper YAML = new YAMLMapper();

  /**
   * CEL environment with the standard macros (all, exists, exists_one, ...) and the string
   * extension library, which Kubernetes also enables. {@code self} is dynamic because the rules
   * read plain JSON values, not protobuf messages.
   */
  private static final Cel CEL = CelFactory.standardCelBuilder()
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addCompilerLibraries(CelExtensions.strings())
      .addRuntimeLibraries(CelExtensions.strings())
      .addVar("self", SimpleType.DYN)
      .build();

  private final List<Rule> rules;

  private CrdValidationRules(List<Rule> rules) {
    this.rules = rules;
  }

  static CrdValidationRules load(Path crdFile) throws IOException {
    JsonNode schema = YAML.readTree(crdFile.toFile())
        .at("/spec/versions/0/schema/openAPIV3Schema");
    List<Rule> rules = new ArrayList<>();
    collect(schema, "", rules);
    return new CrdValidationRules(rules);
  }

  List<Rule> rules() {
    return rules;
  }

  /** Returns the message of every rule that the resource fails, in schema order. */
  List<String> violations(JsonNode resource) {
    List<String> messages = new ArrayList<>();
    for (Rule rule : rules) {
      for (JsonNode value : valuesAt(resource, rule.location())) {
        Object self = toCelValue(value);
        if (!Boolean.TRUE.equals(evaluate(rule.expression(), self))) {
          messages.add(rule.messageExpression() == null
              ? rule.message()
              : (String) evaluate(rule.messageExpression(), self));
        }
      }
    }
    return messages;
  }

  private static Object evaluate(String expression, Object self) {
    try {
      CelAbstractSyntaxTree ast = CEL.compile(expression).getAst();
      return CEL.createProgram(ast).eval(Map.of("self", self));
    } catch (CelValidationException e) {
      throw new IllegalStateException("CEL expression does not compile: " + expression, e);
    } catch (CelEvaluationException e) {
      throw new IllegalStateException("CEL expression failed to evaluate: " + expression, e);
    }
  }

  private static void collect(JsonNode schema, String location, List<Rule> rules) {
    for (JsonNode validation : schema.path("x-kubernetes-validations")) {
      rules.add(new Rule(location, validation.path("rule").asText(),
          validation.path("message").asText(null),
          validation.path("messageExpression").asText(null)));
    }
    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      String child = location.isEmpty() ? property.getKey() : location + "." + property.getKey();
      collect(property.getValue(), child, rules);
    }
    if (schema.has("items")) {
      collect(schema.get("items"), location + "[]", rules);
    }
  }

  /** Values at a location such as {@code spec.schedules[]}, where "[]" stands for each list item. */
  private static List<JsonNode> valuesAt(JsonNode resource, String location) {
    List<JsonNode> current = List.of(resource);
    if (location.isEmpty()) {
      return current;
    }
    for (String segment : location.split("\\.")) {
      boolean eachItem = segment.endsWith("[]");
      String field = eachItem ? segment.substring(0, segment.length() - 2) : segment;
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
          continue;
        }
        if (eachItem) {
          value.forEach(next::add);
        } else {
          next.add(value);
        }
      }
      current = next;
    }
    return current;
  }

  /** Converts JSON to the CEL value types: int to Long, objects to maps, arrays to lists. */
  private static Object toCelValue(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(entry -> {
        if (!entry.getValue().isNull()) {
          map.put(entry.getKey(), toCelValue(entry.getValue()));
        }
      });
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(toCelValue(item)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.asText();
  }
}
