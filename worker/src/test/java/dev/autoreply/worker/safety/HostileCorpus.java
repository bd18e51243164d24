package dev.autoreply.worker.safety;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the hostile mail corpus of the test resources folder {@code hostile/} and its MANIFEST.tsv. */
final class HostileCorpus {

  /**
   * One manifest row.
   *
   * @param file the .eml file name
   * @param attack what the mail tries
   * @param guard which layer stops it
   * @param reviewReason the code DraftInspector returns when the model obeys the mail
   */
  record Entry(String file, String attack, String guard, String reviewReason) {

    byte[] raw() {
      return bytes(file);
    }

    /** Returns the reply a model that obeys the mail would draft, without the signature. */
    String obeyedReply() {
      String name = "obeyed/" + file.replaceFirst("\\.eml$", ".txt");
      return new String(bytes(name), StandardCharsets.UTF_8).strip();
    }

    @Override
    public String toString() {
      return file;
    }
  }

  private HostileCorpus() {
  }

  static List<Entry> entries() {
    String manifest = new String(bytes("MANIFEST.tsv"), StandardCharsets.UTF_8);
    List<Entry> entries = new ArrayList<>();
    for (String line : manifest.split("\n")) {
      if (line.isBlank() || line.startsWith("file\t")) {
        continue;
      }
      String[] columns = line.split("\t");
      if (columns.length != 4) {
        throw new IllegalStateException("MANIFEST.tsv line needs 4 tab-separated columns: " + line);
      }
      entries.add(new Entry(columns[0], columns[1], columns[2], columns[3].strip()));
    }
    return entries;
  }

  private static byte[] bytes(String name) {
    try (InputStream in = HostileCorpus.class.getResourceAsStream("/hostile/" + name)) {
      if (in == null) {
        throw new IllegalStateException("test resource hostile/" + name + " not found");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
