package dev.autoreply.worker.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every message of the shared mail corpus through {@link MailParser} and
 * {@link LoopSafetyFilter} and checks the outcome listed in its MANIFEST.tsv. The corpus folder is
 * given by the system property {@value #CORPUS_PROPERTY}, which the parent pom passes to surefire.
 */
class MailCorpusDecisionTest {

  private static final String CORPUS_PROPERTY = "autoreply.corpus.dir";
  private static final Set<String> OWN_ADDRESSES = Set.of("support@example.com");

  /** The skip reason expected per file, derived from the manifest's "why" column. */
  private static final Map<String, SkipReason> EXPECTED_SKIP_REASONS = Map.ofEntries(
      Map.entry("autoreply-auto-submitted.eml", SkipReason.AUTO_SUBMITTED),
      Map.entry("autoreply-exchange-null-return-path.eml", SkipReason.NULL_SENDER),
      Map.entry("autoreply-apple-vacation.eml", SkipReason.VENDOR_AUTO_REPLY),
      Map.entry("autoreply-noreply-bulk.eml", SkipReason.AUTO_SUBMITTED),
      Map.entry("bounce-exim.eml", SkipReason.MAILER_DAEMON),
      Map.entry("bounce-exchange2007.eml", SkipReason.DELIVERY_REPORT),
      Map.entry("bounce-ses-delivery-status.eml", SkipReason.DELIVERY_REPORT),
      Map.entry("bounce-sendmail-report.eml", SkipReason.DELIVERY_REPORT),
      Map.entry("read-receipt-mdn.eml", SkipReason.DELIVERY_REPORT),
      Map.entry("list-ubuntu-bugs-bulk.eml", SkipReason.MAILING_LIST),
      Map.entry("empty-in-reply-to.eml", SkipReason.MAILING_LIST),
      Map.entry("spam-noreply-sender.eml", SkipReason.NO_REPLY_SENDER),
      Map.entry("mixed-no-headers.eml", SkipReason.NO_SENDER),
      Map.entry("missing-inner-boundary.eml", SkipReason.NO_SENDER));

  private final MailParser parser = new MailParser();
  private final LoopSafetyFilter filter = new LoopSafetyFilter();

  /** One MANIFEST.tsv row. */
  record ManifestRow(String file, String expected, String bodyContains, String why) {
    @Override
    public String toString() {
      return file + " (" + expected + ")";
    }
  }

  static Stream<Arguments> manifestRows() throws IOException {
    Path manifest = corpusDir().resolve("MANIFEST.tsv");
    List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    return lines.stream()
        .skip(1)
        .filter(line -> !line.isBlank())
        .map(line -> line.split("\t", -1))
        .map(columns -> new ManifestRow(columns[0], columns[3], columns[4], columns[5]))
        .map(Arguments::of);
  }

  private static Path corpusDir() {
    String dir = System.getProperty(CORPUS_PROPERTY);
    if (dir == null || dir.isBlank()) {
      fail("System property " + CORPUS_PROPERTY + " is not set; run through Maven or pass -D"
          + CORPUS_PROPERTY + "=<folder with MANIFEST.tsv>");
    }
    Path path = Path.of(dir);
    if (!Files.isRegularFile(path.resolve("MANIFEST.tsv"))) {
      fail("Mail corpus not found: " + path.toAbsolutePath() + " (from system property "
          + CORPUS_PROPERTY + ") has no MANIFEST.tsv");
    }
    return path;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifestRows")
  void corpusMessageGetsManifestOutcome(ManifestRow row) throws IOException {
    byte[] raw = Files.readAllBytes(corpusDir().resolve(row.file()));

    InboundMail mail = parser.parse(raw);
    MailDecision decision = filter.evaluate(mail, OWN_ADDRESSES);

    switch (row.expected()) {
      case "skip" -> {
        assertThat(EXPECTED_SKIP_REASONS).as("expected skip reason listed for %s", row.file())
            .containsKey(row.file());
        assertThat(decision.outcome()).as("outcome, why: %s", row.why()).isEqualTo(MailDecision.Outcome.SKIP);
        assertThat(decision.skipReason()).as("skip reason, why: %s", row.why())
            .isEqualTo(EXPECTED_SKIP_REASONS.get(row.file()));
      }
      case "review" -> {
        assertThat(decision.outcome()).as("outcome, why: %s", row.why()).isEqualTo(MailDecision.Outcome.REVIEW);
        assertThat(decision.reviewReason()).isEqualTo(ReviewReason.NO_TEXT);
      }
      case "reply" -> {
        assertThat(decision.outcome()).as("outcome, why: %s", row.why()).isEqualTo(MailDecision.Outcome.REPLY);
        if (!row.bodyContains().equals("-")) {
          assertThat(mail.bodyText()).contains(row.bodyContains());
        }
      }
      case "reply-or-review" -> {
        assertThat(decision.outcome()).isIn(MailDecision.Outcome.REPLY, MailDecision.Outcome.REVIEW);
        assertThat(mail.bodyText().length()).isLessThanOrEqualTo(MailParser.DEFAULT_MAX_BODY_CHARS);
      }
      default -> fail("Unknown expected outcome '" + row.expected() + "' for " + row.file() + " in MANIFEST.tsv");
    }
  }
}
