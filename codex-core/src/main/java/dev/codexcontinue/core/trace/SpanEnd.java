package dev.codexcontinue.core.trace;

import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.core.StopReason;
import dev.codexcontinue.core.tool.ToolExecution;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * How a span ended: how long it took, the failure if it failed, and what it produced: token usage,
 * finish reason, response id and model, time to first token (streamed model calls), time waited for
 * the rate limiter, stop reason (turns), tool outcome (tool calls), a content-free detail (steps).
 * Values a span of its kind does not have are empty. Immutable.
 */
public final class SpanEnd {
  private final Duration duration;
  @Nullable private final Throwable error;
  private final String detail;
  private final TokenUsage usage;
  @Nullable private final FinishReason finishReason;
  @Nullable private final String responseId;
  @Nullable private final String responseModel;
  @Nullable private final Duration timeToFirstToken;
  private final Duration rateLimitWait;
  @Nullable private final StopReason stopReason;
  @Nullable private final ToolExecution.Outcome toolOutcome;

  private SpanEnd(Builder b) {
    this.duration = b.duration;
    this.error = b.error;
    this.detail = b.detail;
    this.usage = b.usage;
    this.finishReason = b.finishReason;
    this.responseId = b.responseId;
    this.responseModel = b.responseModel;
    this.timeToFirstToken = b.timeToFirstToken;
    this.rateLimitWait = b.rateLimitWait;
    this.stopReason = b.stopReason;
    this.toolOutcome = b.toolOutcome;
  }

  /** Returns a builder for a span that took {@code duration}. */
  public static Builder builder(Duration duration) {
    return new Builder(duration);
  }

  /** Returns how long the span took. */
  public Duration duration() {
    return duration;
  }

  /** Returns the failure that ended the span; empty when it succeeded. */
  public Optional<Throwable> error() {
    return Optional.ofNullable(error);
  }

  /** Returns whether the span failed. */
  public boolean isError() {
    return error != null;
  }

  /** Returns a content-free summary of a step (counts, sizes); empty for other spans. */
  public String detail() {
    return detail;
  }

  /** Returns the tokens of a model call, or of all model calls of a turn. */
  public TokenUsage usage() {
    return usage;
  }

  /** Returns why the model stopped, for a model call. */
  public Optional<FinishReason> finishReason() {
    return Optional.ofNullable(finishReason);
  }

  /** Returns the provider's response id, for a model call. */
  public Optional<String> responseId() {
    return Optional.ofNullable(responseId);
  }

  /** Returns the model that answered, for a model call. */
  public Optional<String> responseModel() {
    return Optional.ofNullable(responseModel);
  }

  /** Returns the time from sending a streamed model call to its first chunk. */
  public Optional<Duration> timeToFirstToken() {
    return Optional.ofNullable(timeToFirstToken);
  }

  /** Returns how long a model call waited for the rate limiter before it was sent. */
  public Duration rateLimitWait() {
    return rateLimitWait;
  }

  /** Returns why a turn's tool loop stopped. */
  public Optional<StopReason> stopReason() {
    return Optional.ofNullable(stopReason);
  }

  /** Returns how a tool call ended. */
  public Optional<ToolExecution.Outcome> toolOutcome() {
    return Optional.ofNullable(toolOutcome);
  }

  @Override
  public String toString() {
    return "SpanEnd["
        + duration.toNanos() / 1_000
        + " us"
        + (error != null ? ", failed" : "")
        + "]";
  }

  /** Builds a {@link SpanEnd}. Not thread-safe. */
  public static final class Builder {
    private final Duration duration;
    @Nullable private Throwable error;
    private String detail = "";
    private TokenUsage usage = TokenUsage.ZERO;
    @Nullable private FinishReason finishReason;
    @Nullable private String responseId;
    @Nullable private String responseModel;
    @Nullable private Duration timeToFirstToken;
    private Duration rateLimitWait = Duration.ZERO;
    @Nullable private StopReason stopReason;
    @Nullable private ToolExecution.Outcome toolOutcome;

    private Builder(Duration duration) {
      Objects.requireNonNull(duration, "duration == null");
      this.duration = duration.isNegative() ? Duration.ZERO : duration;
    }

    /** Sets the failure. */
    public Builder error(Throwable error) {
      this.error = Objects.requireNonNull(error, "error == null");
      return this;
    }

    /** Sets the step detail. */
    public Builder detail(String detail) {
      this.detail = Objects.requireNonNull(detail, "detail == null");
      return this;
    }

    /** Sets the token usage. */
    public Builder usage(TokenUsage usage) {
      this.usage = Objects.requireNonNull(usage, "usage == null");
      return this;
    }

    /** Sets the finish reason. */
    public Builder finishReason(FinishReason finishReason) {
      this.finishReason = Objects.requireNonNull(finishReason, "finishReason == null");
      return this;
    }

    /** Sets the response id. */
    public Builder responseId(String responseId) {
      this.responseId = Objects.requireNonNull(responseId, "responseId == null");
      return this;
    }

    /** Sets the model that answered. */
    public Builder responseModel(String responseModel) {
      this.responseModel = Objects.requireNonNull(responseModel, "responseModel == null");
      return this;
    }

    /** Sets the time to the first chunk. */
    public Builder timeToFirstToken(Duration ttft) {
      this.timeToFirstToken = Objects.requireNonNull(ttft, "ttft == null");
      return this;
    }

    /** Sets the time waited for the rate limiter. */
    public Builder rateLimitWait(Duration wait) {
      this.rateLimitWait = Objects.requireNonNull(wait, "wait == null");
      return this;
    }

    /** Sets the stop reason. */
    public Builder stopReason(StopReason stopReason) {
      this.stopReason = Objects.requireNonNull(stopReason, "stopReason == null");
      return this;
    }

    /** Sets the tool outcome. */
    public Builder toolOutcome(ToolExecution.Outcome outcome) {
      this.toolOutcome = Objects.requireNonNull(outcome, "outcome == null");
      return this;
    }

    /** Returns the end. */
    public SpanEnd build() {
      return new SpanEnd(this);
    }
  }
}
