package dev.codexcontinue.cli.internal;

import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.api.memory.MemoryQuery;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.api.memory.MetadataFilter;
import dev.codexcontinue.plugins.docs.DocsIndexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Searches the passages {@code codexctl index} put into long-term memory, across directories. */
final class DocsSearch {
  /**
   * One passage found.
   *
   * @param file the file's path
   * @param lineStart first line, 1-based
   * @param lineEnd last line
   * @param score similarity, higher is closer
   * @param heading Markdown heading, empty when none
   * @param text the passage
   */
  record Hit(String file, int lineStart, int lineEnd, double score, String heading, String text) {
    String citation() {
      return file + ":" + lineStart + "-" + lineEnd;
    }
  }

  private final MemoryStore store;
  private final DocsCatalog catalog;

  DocsSearch(MemoryStore store, DocsCatalog catalog) {
    this.store = store;
    this.catalog = catalog;
  }

  /** Returns whether anything was indexed. */
  boolean isEmpty() {
    return catalog.filter().isEmpty();
  }

  List<Hit> search(String query, int topK) {
    Optional<MetadataFilter> filter = catalog.filter();
    if (filter.isEmpty()) {
      return List.of();
    }
    List<MemoryMatch> matches =
        store.search(MemoryQuery.byText(query).topK(topK).filter(filter.get()).build());
    List<Hit> hits = new ArrayList<>();
    for (MemoryMatch m : matches) {
      Map<String, Object> meta = m.record().metadata();
      if (meta.get(DocsIndexer.INDEX) instanceof String index
          && meta.get(DocsIndexer.SOURCE) instanceof String source
          && meta.get(DocsIndexer.LINE_START) instanceof Number start
          && meta.get(DocsIndexer.LINE_END) instanceof Number end) {
        String file = DocsCatalog.rootOf(index).resolve(source).toString();
        String heading = meta.get(DocsIndexer.HEADING) instanceof String h ? h : "";
        hits.add(
            new Hit(file, start.intValue(), end.intValue(), m.score(), heading, m.record().text()));
      }
    }
    return hits;
  }

  /** Renders hits as the model reads them: a citation line, then the passage. */
  static String render(List<Hit> hits) {
    if (hits.isEmpty()) {
      return "No indexed passage matches. Index docs with `codexctl index DIR`.";
    }
    StringBuilder b = new StringBuilder();
    for (Hit h : hits) {
      b.append("--- ").append(h.citation());
      if (!h.heading().isEmpty()) {
        b.append(" (").append(h.heading()).append(')');
      }
      b.append('\n').append(h.text().strip()).append("\n\n");
    }
    return b.toString().strip();
  }
}
