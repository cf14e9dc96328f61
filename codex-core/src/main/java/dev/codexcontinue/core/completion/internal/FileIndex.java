package dev.codexcontinue.core.completion.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What completion needs to know about one open file, computed once per file version: the first
 * declaration of each name, and the file cut into overlapping windows of lines with the identifiers
 * each holds (for similarity search). Immutable.
 */
public final class FileIndex {
  /** A window of lines and the identifiers in it. */
  record Window(int start, int end, Set<String> identifiers) {}

  private final String text;
  private final Map<String, String> declarations;
  private final List<Window> windows;

  private FileIndex(String text, Map<String, String> declarations, List<Window> windows) {
    this.text = text;
    this.declarations = declarations;
    this.windows = windows;
  }

  /** Indexes {@code text} with windows of {@code windowLines} lines, advancing by half that. */
  public static FileIndex of(String text, int windowLines) {
    Map<String, String> declarations = new HashMap<>();
    Declarations.index(text, declarations);
    List<Integer> lineStarts = new ArrayList<>();
    lineStarts.add(0);
    for (int i = text.indexOf('\n');
        i >= 0 && i + 1 < text.length();
        i = text.indexOf('\n', i + 1)) {
      lineStarts.add(i + 1);
    }
    List<Window> windows = new ArrayList<>();
    int step = Math.max(1, windowLines / 2);
    for (int first = 0; first < lineStarts.size(); first += step) {
      int last = Math.min(lineStarts.size(), first + windowLines);
      int start = lineStarts.get(first);
      int end = last < lineStarts.size() ? lineStarts.get(last) : text.length();
      Set<String> ids = Identifiers.in(text, start, end);
      if (!ids.isEmpty()) {
        windows.add(new Window(start, end, Set.copyOf(ids)));
      }
      if (last == lineStarts.size()) {
        break;
      }
    }
    return new FileIndex(text, Map.copyOf(declarations), List.copyOf(windows));
  }

  /** Returns the text of the first declaration of {@code name} in the file. */
  public Optional<String> declaration(String name) {
    return Optional.ofNullable(declarations.get(name));
  }

  /**
   * Returns the window most similar to {@code query} (Jaccard similarity of identifier sets), if
   * one scores at least {@code minScore}.
   */
  public Optional<Match> bestWindow(Set<String> query, double minScore) {
    Window best = null;
    double bestScore = minScore;
    for (Window w : windows) {
      int common = 0;
      Set<String> small = w.identifiers().size() < query.size() ? w.identifiers() : query;
      Set<String> large = small == query ? w.identifiers() : query;
      for (String id : small) {
        if (large.contains(id)) {
          common++;
        }
      }
      double score = (double) common / (query.size() + w.identifiers().size() - common);
      if (score >= bestScore && (best == null || score > bestScore)) {
        best = w;
        bestScore = score;
      }
    }
    return best == null
        ? Optional.empty()
        : Optional.of(new Match(text.substring(best.start(), best.end()), bestScore));
  }

  /**
   * A window that matched a query.
   *
   * @param text the window's lines
   * @param score its similarity to the query, in (0, 1]
   */
  public record Match(String text, double score) {}
}
