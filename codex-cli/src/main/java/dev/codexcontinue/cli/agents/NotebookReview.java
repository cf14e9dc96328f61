package dev.codexcontinue.cli.agents;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link NotebookAssistant} said about a notebook.
 *
 * @param explanation the model's explanation of the cells and errors, in Markdown
 * @param edits the proposed new source of each cell to change, by cell number (1-based)
 */
public record NotebookReview(String explanation, Map<Integer, String> edits) {
  /** Checks and copies the components. */
  public NotebookReview {
    Objects.requireNonNull(explanation, "explanation == null");
    edits = java.util.Collections.unmodifiableMap(new TreeMap<>(edits));
  }
}
