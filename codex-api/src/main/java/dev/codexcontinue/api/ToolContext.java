package dev.codexcontinue.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.annotation.Nullable;

/**
 * What a tool knows about the call it runs: the user and session, the deadline, and whether the
 * caller has given up. Long-running tools check {@link #isCancelled()} and stop early. Immutable.
 */
public final class ToolContext {
  private static final ToolContext NONE = builder().build();

  @Nullable private final String userId;
  @Nullable private final String sessionId;
  @Nullable private final Instant deadline;
  private final BooleanSupplier cancelled;
  private final Map<String, Object> attributes;

  private ToolContext(Builder b) {
    this.userId = b.userId;
    this.sessionId = b.sessionId;
    this.deadline = b.deadline;
    this.cancelled = b.cancelled;
    this.attributes = Map.copyOf(b.attributes);
  }

  /** Returns a context without user, session or deadline, never cancelled. */
  public static ToolContext none() {
    return NONE;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the id of the user on whose behalf the tool runs. */
  public Optional<String> userId() {
    return Optional.ofNullable(userId);
  }

  /** Returns the conversation's session id. */
  public Optional<String> sessionId() {
    return Optional.ofNullable(sessionId);
  }

  /** Returns the instant by which the tool must have returned. */
  public Optional<Instant> deadline() {
    return Optional.ofNullable(deadline);
  }

  /** Returns whether the caller cancelled the run; tools should stop when it turns true. */
  public boolean isCancelled() {
    return cancelled.getAsBoolean();
  }

  /** Returns every attribute the application attached to the run. */
  public Map<String, Object> attributes() {
    return attributes;
  }

  /** Returns a builder pre-filled with this context (to narrow a deadline, say). */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.userId = userId;
    b.sessionId = sessionId;
    b.deadline = deadline;
    b.cancelled = cancelled;
    b.attributes.putAll(attributes);
    return b;
  }

  /** Returns an attribute the application attached to the run. */
  public Optional<Object> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  /** Builds a {@link ToolContext}. Not thread-safe. */
  public static final class Builder {
    @Nullable private String userId;
    @Nullable private String sessionId;
    @Nullable private Instant deadline;
    private BooleanSupplier cancelled = () -> false;
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the user id. */
    public Builder userId(String userId) {
      this.userId = Objects.requireNonNull(userId, "userId == null");
      return this;
    }

    /** Sets the session id. */
    public Builder sessionId(String sessionId) {
      this.sessionId = Objects.requireNonNull(sessionId, "sessionId == null");
      return this;
    }

    /** Sets the deadline. */
    public Builder deadline(Instant deadline) {
      this.deadline = Objects.requireNonNull(deadline, "deadline == null");
      return this;
    }

    /** Sets the cancellation signal. */
    public Builder cancelled(BooleanSupplier cancelled) {
      this.cancelled = Objects.requireNonNull(cancelled, "cancelled == null");
      return this;
    }

    /** Attaches an application attribute. */
    public Builder attribute(String name, Object value) {
      attributes.put(
          Objects.requireNonNull(name, "name == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /** Returns the context. */
    public ToolContext build() {
      return new ToolContext(this);
    }
  }
}
