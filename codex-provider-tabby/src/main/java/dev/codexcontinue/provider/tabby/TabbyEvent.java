package dev.codexcontinue.provider.tabby;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * What the user did with a completion, reported to Tabby's {@code /v1/events} so that the server's
 * acceptance statistics are right: saw it ({@link Type#VIEW}), accepted it ({@link Type#SELECT},
 * whole or one line at a time), or dismissed it ({@link Type#DISMISS}). Immutable.
 *
 * <pre>{@code
 * TabbyEvent accepted = TabbyEvent.builder(TabbyEvent.Type.SELECT, response.id(), 0)
 *     .viewId(viewId).elapsed(Duration.ofMillis(1830)).line(true).build();
 * }</pre>
 */
public final class TabbyEvent {
  /** The kinds of event. */
  public enum Type {
    /** The completion was shown. */
    VIEW("view"),
    /** The completion was accepted. */
    SELECT("select"),
    /** The completion was dismissed. */
    DISMISS("dismiss");

    private final String wire;

    Type(String wire) {
      this.wire = wire;
    }

    /** Returns the value Tabby knows it by. */
    public String wireValue() {
      return wire;
    }
  }

  private final Type type;
  private final String completionId;
  private final int choiceIndex;
  @Nullable private final String viewId;
  @Nullable private final Duration elapsed;
  private final boolean line;

  private TabbyEvent(Builder b) {
    this.type = b.type;
    this.completionId = b.completionId;
    this.choiceIndex = b.choiceIndex;
    this.viewId = b.viewId;
    this.elapsed = b.elapsed;
    this.line = b.line;
  }

  /**
   * Returns a builder for an event about choice {@code choiceIndex} of the completion with id
   * {@code completionId} (both from the {@code CompletionResponse}).
   */
  public static Builder builder(Type type, String completionId, int choiceIndex) {
    return new Builder(type, completionId, choiceIndex);
  }

  /** Returns the kind of event. */
  public Type type() {
    return type;
  }

  /** Returns the completion's id. */
  public String completionId() {
    return completionId;
  }

  /** Returns the index of the choice the event is about. */
  public int choiceIndex() {
    return choiceIndex;
  }

  /** Returns the client's id of the view that a select or dismiss follows. */
  public Optional<String> viewId() {
    return Optional.ofNullable(viewId);
  }

  /** Returns how long the completion was shown before it was selected or dismissed. */
  public Optional<Duration> elapsed() {
    return Optional.ofNullable(elapsed);
  }

  /** Returns whether a select accepted one line only (partial acceptance). */
  public boolean isLine() {
    return line;
  }

  @Override
  public String toString() {
    return "TabbyEvent[" + type.wireValue() + (line ? " line" : "") + ", " + completionId + "]";
  }

  /** Builds a {@link TabbyEvent}. Not thread-safe. */
  public static final class Builder {
    private final Type type;
    private final String completionId;
    private final int choiceIndex;
    @Nullable private String viewId;
    @Nullable private Duration elapsed;
    private boolean line;

    private Builder(Type type, String completionId, int choiceIndex) {
      this.type = Objects.requireNonNull(type, "type == null");
      this.completionId = Objects.requireNonNull(completionId, "completionId == null");
      if (completionId.isBlank()) {
        throw new IllegalArgumentException("completionId is blank");
      }
      if (choiceIndex < 0) {
        throw new IllegalArgumentException("choiceIndex < 0");
      }
      this.choiceIndex = choiceIndex;
    }

    /** Sets the client's id of the view, linking a view to its select or dismiss. */
    public Builder viewId(String viewId) {
      this.viewId = Objects.requireNonNull(viewId, "viewId == null");
      return this;
    }

    /** Sets how long the completion was shown (sent in whole milliseconds). */
    public Builder elapsed(Duration elapsed) {
      Objects.requireNonNull(elapsed, "elapsed == null");
      if (elapsed.isNegative()) {
        throw new IllegalArgumentException("elapsed is negative");
      }
      this.elapsed = elapsed;
      return this;
    }

    /** Sets whether a select accepted one line only; sent as {@code ?select_kind=line}. */
    public Builder line(boolean line) {
      this.line = line;
      return this;
    }

    /**
     * Returns the event.
     *
     * @throws IllegalStateException when a line acceptance is not a select
     */
    public TabbyEvent build() {
      if (line && type != Type.SELECT) {
        throw new IllegalStateException("only a select can accept one line");
      }
      return new TabbyEvent(this);
    }
  }
}
