package dev.codexcontinue.core.completion.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What completion needs to know about one open file, computed once per file version: the first
 * declaration of each name, and the file cut into overlapping windows of lines, with for each
 * identifier the windows that hold it (so that ranking windows against a query costs the query's
 * postings, not a set intersection per window). Immutable.
 */
public final class FileIndex {
  private final String text;
  private final Map<String, String> declarations;
  private final int[] windowStarts;
  private final int[] windowEnds;
  private final int[] windowSizes;
  private final Map<String, int[]> postings;

  private FileIndex(
      String text,
      Map<String, String> declarations,
      int[] windowStarts,
      int[] windowEnds,
      int[] windowSizes,
      Map<String, int[]> postings) {
    this.text = text;
    this.declarations = declarations;
    this.windowStarts = windowStarts;
    this.windowEnds = windowEnds;
    this.windowSizes = windowSizes;
    this.postings = postings;
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
    List<int[]> spans = new ArrayList<>();
    Map<String, List<Integer>> lists = new HashMap<>();
    int step = Math.max(1, windowLines / 2);
    for (int first = 0; first < lineStarts.size(); first += step) {
      int last = Math.min(lineStarts.size(), first + windowLines);
      int start = lineStarts.get(first);
      int end = last < lineStarts.size() ? lineStarts.get(last) : text.length();
      Set<String> ids = Identifiers.in(text, start, end);
      if (!ids.isEmpty()) {
        int window = spans.size();
        spans.add(new int[] {start, end, ids.size()});
        for (String id : ids) {
          lists.computeIfAbsent(id, k -> new ArrayList<>()).add(window);
        }
      }
      if (last == lineStarts.size()) {
        break;
      }
    }
    int n = spans.size();
    int[] starts = new int[n];
    int[] ends = new int[n];
    int[] sizes = new int[n];
    for (int w = 0; w < n; w++) {
      starts[w] = spans.get(w)[0];
      ends[w] = spans.get(w)[1];
      sizes[w] = spans.get(w)[2];
    }
    Map<String, int[]> postings = new HashMap<>();
    lists.forEach(
        (id, list) -> postings.put(id, list.stream().mapToInt(Integer::intValue).toArray()));
    return new FileIndex(text, Map.copyOf(declarations), starts, ends, sizes, Map.copyOf(postings));
  }

  /** Returns the text of the first declaration of {@code name} in the file. */
  public Optional<String> declaration(String name) {
    return Optional.ofNullable(declarations.get(name));
  }

  /**
   * Returns the window most similar to {@code query} (Jaccard similarity of identifier sets), if
   * one scores at least {@code minScore}; the first of equals wins.
   */
  public Optional<Match> bestWindow(Set<String> query, double minScore) {
    if (query.isEmpty() || windowSizes.length == 0) {
      return Optional.empty();
    }
    int[] common = new int[windowSizes.length];
    for (String id : query) {
      int[] windows = postings.get(id);
      if (windows != null) {
        for (int w : windows) {
          common[w]++;
        }
      }
    }
    int best = -1;
    double bestScore = minScore;
    for (int w = 0; w < common.length; w++) {
      if (common[w] == 0) {
        continue;
      }
      double score = (double) common[w] / (query.size() + windowSizes[w] - common[w]);
      if (best < 0 ? score >= bestScore : score > bestScore) {
        best = w;
        bestScore = score;
      }
    }
    return best < 0
        ? Optional.empty()
        : Optional.of(new Match(text.substring(windowStarts[best], windowEnds[best]), bestScore));
  }

  /**
   * A window that matched a query.
   *
   * @param text the window's lines
   * @param score its similarity to the query, in (0, 1]
   */
  public record Match(String text, double score) {}
}
