package dev.autoreply.worker.replay;

import dev.autoreply.worker.pipeline.ProcessedMessage;
import java.nio.file.Path;

/**
 * The decision on one replayed file.
 *
 * @param source the .eml file
 * @param processed the pipeline's decision
 * @param reply the written reply or draft, or null when none was written
 */
public record ReplayedMail(Path source, ProcessedMessage processed, Path reply) {
}
