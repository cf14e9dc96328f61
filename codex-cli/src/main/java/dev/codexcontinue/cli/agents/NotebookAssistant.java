package dev.codexcontinue.cli.agents;

import dev.codexcontinue.api.Provider;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentOptions;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The blueprint's notebook agent: shows the model a Jupyter notebook's cells with their outputs and
 * errors, streams its explanation, and collects the cell edits it proposes ({@code ### Edit cell N}
 * followed by a fenced block with the cell's complete new source). {@link
 * Notebook#withSources(Map)} applies them to a copy, so the original file is never changed.
 *
 * <pre>{@code
 * Notebook notebook = Notebook.read(Path.of("analysis.ipynb"));
 * NotebookReview review = NotebookAssistant.builder().provider(provider).build()
 *     .review(notebook, TurnListener.NONE);
 * notebook.withSources(review.edits()).write(Path.of("analysis.edited.ipynb"));
 * }</pre>
 *
 * <p>Immutable and thread-safe; the provider is borrowed.
 */
public final class NotebookAssistant {
  private static final Pattern EDIT =
      Pattern.compile(
          "(?m)^#{2,4}\\s*Edit cell\\s+(\\d+)[^\\n]*\\n+\\s*```[^\\n]*\\n(.*?)\\n?```",
          Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  private final Provider provider;
  private final int maxOutputChars;

  private NotebookAssistant(Builder b) {
    this.provider = Objects.requireNonNull(b.provider, "provider");
    this.maxOutputChars = b.maxOutputChars;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Has the model explain {@code notebook} and propose edits, streaming its text to {@code
   * listener}.
   *
   * @throws dev.codexcontinue.api.exception.CodexException when the model fails
   */
  public NotebookReview review(Notebook notebook, TurnListener listener) {
    Objects.requireNonNull(notebook, "notebook == null");
    Objects.requireNonNull(listener, "listener == null");
    AgentOptions options = AgentOptions.builder().rememberTurns(false).build();
    try (Agent agent = Agent.builder().provider(provider).options(options).build()) {
      AgentReply reply =
          AgentTurns.stream(agent, AgentRequest.of("notebook", prompt(notebook)), listener);
      return new NotebookReview(reply.text(), edits(reply.text(), notebook));
    }
  }

  /** Returns the user message the model is given: the instructions and every cell. */
  public String prompt(Notebook notebook) {
    Objects.requireNonNull(notebook, "notebook == null");
    String lang = notebook.language();
    StringBuilder b = new StringBuilder();
    b.append("Explain this Jupyter notebook (")
        .append(lang)
        .append(") cell by cell, briefly, and explain each error: its cause and the fix.\n")
        .append("For each cell that should change (to fix an error or a clear bug), give its")
        .append(" complete new source exactly like this:\n\n### Edit cell N\n```")
        .append(lang)
        .append("\n<the whole new cell>\n```\n\nPropose only edits that are needed.\n\n");
    for (Notebook.Cell cell : notebook.cells()) {
      b.append("### Cell ").append(cell.number()).append(" (").append(cell.type()).append(")\n");
      b.append("```").append(cell.type().equals("code") ? lang : "").append('\n');
      b.append(cell.source().strip()).append("\n```\n");
      if (!cell.output().isEmpty()) {
        b.append("Output:\n```\n").append(cap(cell.output())).append("\n```\n");
      }
      cell.error().ifPresent(e -> b.append("Error:\n```\n").append(cap(e)).append("\n```\n"));
      b.append('\n');
    }
    return b.toString();
  }

  /** Returns the edits in {@code answer} that name a cell and change it. */
  public static Map<Integer, String> edits(String answer, Notebook notebook) {
    Objects.requireNonNull(answer, "answer == null");
    Objects.requireNonNull(notebook, "notebook == null");
    Map<Integer, String> edits = new LinkedHashMap<>();
    Matcher m = EDIT.matcher(answer);
    while (m.find()) {
      int number;
      try {
        number = Integer.parseInt(m.group(1));
      } catch (NumberFormatException e) {
        continue;
      }
      if (number < 1 || number > notebook.cells().size()) {
        continue;
      }
      String source = m.group(2).stripTrailing();
      if (!source.equals(notebook.cells().get(number - 1).source().stripTrailing())) {
        edits.put(number, source);
      }
    }
    return edits;
  }

  private String cap(String text) {
    return text.length() <= maxOutputChars
        ? text
        : text.substring(0, maxOutputChars) + "\n[cut at " + maxOutputChars + " characters]";
  }

  /** Builds a {@link NotebookAssistant}. Not thread-safe. */
  public static final class Builder {
    @Nullable private Provider provider;
    private int maxOutputChars = 2_000;

    private Builder() {}

    /** Sets the model. Required. */
    public Builder provider(Provider provider) {
      this.provider = Objects.requireNonNull(provider, "provider == null");
      return this;
    }

    /** Sets how much of each cell's output and error the model sees; 2,000 characters default. */
    public Builder maxOutputChars(int chars) {
      if (chars < 100) {
        throw new IllegalArgumentException("maxOutputChars must be at least 100: " + chars);
      }
      this.maxOutputChars = chars;
      return this;
    }

    /**
     * Returns the assistant.
     *
     * @throws IllegalStateException when the provider is missing
     */
    public NotebookAssistant build() {
      if (provider == null) {
        throw new IllegalStateException("provider is required");
      }
      return new NotebookAssistant(this);
    }
  }
}
