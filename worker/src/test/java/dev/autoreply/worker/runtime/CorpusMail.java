package dev.autoreply.worker.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One row of the mail corpus manifest with the raw bytes of its file. */
final class CorpusMail {

  private static final String CORPUS_PROPERTY = "autoreply.corpus.dir";

  private final String file;
  private final String expected;
  private final String bodyContains;
  private final byte[] raw;
  private volatile String gmailId;

  private CorpusMail(String file, String expected, String bodyContains, byte[] raw) {
    this.file = file;
    this.expected = expected;
    this.bodyContains = bodyContains;
    this.raw = raw;
  }

  private static List<CorpusMail> cache;

  /** Reads MANIFEST.tsv of the corpus folder named by the system property autoreply.corpus.dir. */
  static synchronized List<CorpusMail> readManifest() throws IOException {
    if (cache != null) {
      return cache;
    }
    String folder = System.getProperty(CORPUS_PROPERTY);
    Path manifest = folder == null ? null : Path.of(folder).resolve("MANIFEST.tsv");
    if (manifest == null || !Files.isRegularFile(manifest)) {
      throw new IllegalStateException("Mail corpus not found: " + folder + " (from system property "
          + CORPUS_PROPERTY + ") has no MANIFEST.tsv; set -D" + CORPUS_PROPERTY + "=FOLDER");
    }
    List<String> lines = Files.readAllLines(manifest);
    List<String> header = List.of(lines.get(0).split("\t"));
    List<CorpusMail> mails = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] columns = line.split("\t");
      String name = columns[header.indexOf("file")];
      mails.add(new CorpusMail(name, columns[header.indexOf("expected")],
          columns[header.indexOf("body_contains")], Files.readAllBytes(manifest.resolveSibling(name))));
    }
    cache = List.copyOf(mails);
    return cache;
  }

  String file() {
    return file;
  }

  String expected() {
    return expected;
  }

  String bodyContains() {
    return bodyContains;
  }

  byte[] raw() {
    return raw.clone();
  }

  String threadId() {
    return "thread-" + file.replace(".eml", "");
  }

  String gmailId() {
    return gmailId;
  }

  void gmailId(String id) {
    this.gmailId = id;
  }

  @Override
  public String toString() {
    return file + " (" + expected + ")";
  }
}
