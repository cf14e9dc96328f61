package dev.codexcontinue.api;

import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * One event of a chat stream. Providers emit text, reasoning, tool-call and usage deltas; an agent
 * adds {@link ToolOutcome} after each tool it ran. The stream's end is not a chunk: it is the
 * listener's single terminal call, {@code onComplete} with the assembled response or {@code
 * onError}.
 */
public sealed interface ChatChunk {
  /** Returns the text this chunk adds to the answer; empty for chunks that add none. */
  default String text() {
    return "";
  }

  /**
   * A piece of the answer's text.
   *
   * @param text the piece, never empty
   */
  record TextDelta(String text) implements ChatChunk {
    /** Checks the text. */
    public TextDelta {
      Objects.requireNonNull(text, "text == null");
    }

    @Override
    public String text() {
      return text;
    }
  }

  /**
   * A piece of the model's reasoning ("thinking"), which is not part of the answer.
   *
   * @param reasoning the piece
   */
  record ReasoningDelta(String reasoning) implements ChatChunk {
    /** Checks the text. */
    public ReasoningDelta {
      Objects.requireNonNull(reasoning, "reasoning == null");
    }
  }

  /**
   * A piece of a tool call, keyed by its index among the calls of the answer. The first piece of a
   * call usually carries its id and name; later pieces carry argument fragments to concatenate.
   * Providers that send whole calls send one delta per call with everything set.
   *
   * @param index the call's position among the answer's tool calls
   * @param id the call id, or empty when this piece does not carry it
   * @param name the tool name, or empty when this piece does not carry it
   * @param argumentsFragment the next fragment of the arguments JSON, possibly empty
   */
  record ToolCallDelta(int index, String id, String name, String argumentsFragment)
      implements ChatChunk {
    /** Checks the components. */
    public ToolCallDelta {
      if (index < 0) {
        throw new IllegalArgumentException("index < 0");
      }
      Objects.requireNonNull(id, "id == null");
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(argumentsFragment, "argumentsFragment == null");
    }

    /** Returns the id, if this piece carries a non-empty one. */
    public Optional<String> idIfPresent() {
      return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    /** Returns the name, if this piece carries a non-empty one. */
    public Optional<String> nameIfPresent() {
      return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
  }

  /**
   * Token usage reported during the stream (usually once, near the end).
   *
   * @param usage the usage so far
   */
  record UsageDelta(TokenUsage usage) implements ChatChunk {
    /** Checks the usage. */
    public UsageDelta {
      Objects.requireNonNull(usage, "usage == null");
    }
  }

  /**
   * A tool the agent ran while streaming, with its result. Only agents emit it.
   *
   * @param call the call the model asked for
   * @param result what the tool (or the policy) answered
   */
  record ToolOutcome(ToolCall call, ToolResult result) implements ChatChunk {
    /** Checks the components. */
    public ToolOutcome {
      Objects.requireNonNull(call, "call == null");
      Objects.requireNonNull(result, "result == null");
    }
  }

  /** Returns a text delta. */
  static ChatChunk text(String text) {
    return new TextDelta(text);
  }

  /** Returns a tool-call delta; {@code null} id or name become empty. */
  static ChatChunk toolCall(
      int index, @Nullable String id, @Nullable String name, String argumentsFragment) {
    return new ToolCallDelta(
        index, id == null ? "" : id, name == null ? "" : name, argumentsFragment);
  }
}
