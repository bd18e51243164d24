package dev.autoreply.operator.render;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads multi-document YAML files and folders into documents that remember file and line. */
final class ManifestFiles {

  /**
   * One YAML document.
   *
   * @param file file it came from
   * @param line 1-based line where the document starts
   * @param node parsed content
   */
  record Document(Path file, int line, JsonNode node) {

    String where() {
      return file + ":" + line;
    }
  }

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ManifestFiles() {
  }

  /**
   * Reads every document of the given files, and of the {@code .yaml} and {@code .yml} files
   * under the given folders in name order.
   *
   * @throws IllegalArgumentException when a path does not exist or a file is not valid YAML,
   *     with a message that names the file and line
   */
  static List<Document> read(List<Path> paths) {
    List<Document> documents = new ArrayList<>();
    for (Path path : paths) {
      for (Path file : expand(path)) {
        documents.addAll(readFile(file));
      }
    }
    return documents;
  }

  private static List<Path> expand(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException(path + ": no such file or folder");
    }
    try (Stream<Path> files = Files.walk(path)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list folder " + path, e);
    }
  }

  private static List<Document> readFile(Path file) {
    List<Document> documents = new ArrayList<>();
    try (JsonParser parser = YAML.getFactory().createParser(file.toFile());
        MappingIterator<JsonNode> iterator = YAML.readValues(parser, JsonNode.class)) {
      while (iterator.hasNextValue()) {
        int line = parser.currentTokenLocation().getLineNr();
        JsonNode node = iterator.nextValue();
        if (node != null && !node.isNull() && !node.isMissingNode()) {
          documents.add(new Document(file, line, node));
        }
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      throw new IllegalArgumentException(
          file + ":" + line + ": invalid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return documents;
  }
}
