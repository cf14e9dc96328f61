package dev.codexcontinue.core.log.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The segment files of one agent's log: {@code log-<first seq, 20 digits>.jsonl}, appended in
 * order; a segment found damaged on a lenient open is renamed {@code ...jsonl.quarantined} and kept
 * for inspection.
 */
public final class Segments {
  private static final Pattern NAME =
      Pattern.compile("log-(\\d{20})\\.jsonl(\\.quarantined(-\\d+)?)?");

  /** A segment file. */
  public record Segment(Path file, long firstSeq, boolean quarantined) {}

  private Segments() {}

  /** Returns the name of the segment whose first record is {@code firstSeq}. */
  public static String name(long firstSeq) {
    return String.format("log-%020d.jsonl", firstSeq);
  }

  /** Returns a free path for {@code segment} once quarantined, beside it. */
  public static Path quarantinePath(Segment segment) {
    Path base = segment.file().resolveSibling(segment.file().getFileName() + ".quarantined");
    Path candidate = base;
    for (int n = 2; Files.exists(candidate); n++) {
      candidate = base.resolveSibling(base.getFileName() + "-" + n);
    }
    return candidate;
  }

  /** Returns the segments of {@code dir} ordered by first sequence number, quarantined included. */
  public static List<Segment> list(Path dir) throws IOException {
    List<Segment> segments = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return segments;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "log-*")) {
      for (Path file : files) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (m.matches()) {
          segments.add(new Segment(file, Long.parseLong(m.group(1)), m.group(2) != null));
        }
      }
    }
    segments.sort(Comparator.comparingLong(Segment::firstSeq).thenComparing(s -> !s.quarantined()));
    return segments;
  }
}
