package dev.codexcontinue.plugins.docs.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a file into chunks for retrieval: Markdown at its headings (outside fenced code blocks),
 * everything else into windows of lines that overlap, and any piece still too long into windows
 * too. Every chunk keeps its line range, so a hit can be cited as {@code path:start-end}. Chunks
 * that hold only blank lines are dropped. Immutable and thread-safe.
 */
public final class Chunker {
  private static final Pattern HEADING =
      Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?[ \\t#]*$");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

  private final int windowLines;
  private final int overlapLines;
  private final int maxChars;

  /**
   * Creates a chunker.
   *
   * @param windowLines the most lines in a chunk
   * @param overlapLines how many lines consecutive windows share; less than {@code windowLines}
   * @param maxChars the most characters in a chunk's text; longer text is cut
   */
  public Chunker(int windowLines, int overlapLines, int maxChars) {
    if (windowLines < 1 || overlapLines < 0 || overlapLines >= windowLines || maxChars < 1) {
      throw new IllegalArgumentException(
          "need windowLines >= 1, 0 <= overlapLines < windowLines, maxChars >= 1");
    }
    this.windowLines = windowLines;
    this.overlapLines = overlapLines;
    this.maxChars = maxChars;
  }

  /** Returns whether {@code path} is chunked as Markdown, by its extension. */
  public static boolean isMarkdown(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return lower.endsWith(".md") || lower.endsWith(".markdown") || lower.endsWith(".mdx");
  }

  /** Returns the chunks of {@code text}, the content of the file at {@code path}. */
  public List<Chunk> chunk(String path, String text) {
    List<String> lines = text.lines().toList();
    List<Chunk> chunks = new ArrayList<>();
    if (isMarkdown(path)) {
      for (Section s : sections(lines)) {
        windows(lines, s.from, s.to, s.heading, chunks);
      }
    } else {
      windows(lines, 0, lines.size(), "", chunks);
    }
    return chunks;
  }

  private record Section(int from, int to, String heading) {}

  /** Splits at ATX headings that are not inside a fenced code block; lines are 0-based. */
  private static List<Section> sections(List<String> lines) {
    List<Section> sections = new ArrayList<>();
    int start = 0;
    String heading = "";
    String fence = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher fenceMatch = FENCE.matcher(line);
      if (fenceMatch.find()) {
        String marker = fenceMatch.group(1);
        if (fence == null) {
          fence = marker;
        } else if (marker.charAt(0) == fence.charAt(0) && marker.length() >= fence.length()) {
          fence = null;
        }
        continue;
      }
      Matcher m = HEADING.matcher(line);
      if (fence == null && m.matches()) {
        if (i > start) {
          sections.add(new Section(start, i, heading));
        }
        start = i;
        String title = m.group(2);
        heading = title == null ? "" : title.strip();
      }
    }
    if (start < lines.size()) {
      sections.add(new Section(start, lines.size(), heading));
    }
    return sections;
  }

  /** Adds windows over lines [from, to) to {@code out}. */
  private void windows(List<String> lines, int from, int to, String heading, List<Chunk> out) {
    int start = from;
    while (start < to) {
      int end = Math.min(start + windowLines, to);
      StringBuilder text = new StringBuilder();
      int last = start;
      for (int i = start; i < end; i++) {
        if (i > start && text.length() + lines.get(i).length() + 1 > maxChars) {
          break; // the next line would overflow: end the window here
        }
        if (i > start) {
          text.append('\n');
        }
        text.append(lines.get(i));
        last = i;
      }
      String body = text.length() > maxChars ? text.substring(0, maxChars) : text.toString();
      if (!body.isBlank()) {
        out.add(new Chunk(start + 1, last + 1, body, heading));
      }
      if (last + 1 >= to) {
        return;
      }
      // Overlap with the previous window, but always move forward.
      start = Math.max(last + 1 - overlapLines, start + 1);
    }
  }
}
