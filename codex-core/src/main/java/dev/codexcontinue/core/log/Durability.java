package dev.codexcontinue.core.log;

import java.time.Duration;
import java.util.Objects;

/**
 * When an append to a conversation log is on disk. {@link ConversationLog#append} returns only once
 * its policy is met.
 *
 * <ul>
 *   <li>{@link #ALWAYS} (the default): every append is forced to disk ({@code fsync}) before it
 *       returns; a crash of the process or the machine loses nothing acknowledged.
 *   <li>{@link #group(Duration)}: appends within one window share one force; an append returns
 *       after the force that covers it, at most about one window later. Same guarantee, more
 *       throughput under concurrency, more latency per append.
 *   <li>{@link #NONE}: appends return once written to the operating system; a crash of the process
 *       loses nothing, a crash of the machine may lose the last seconds.
 * </ul>
 */
public final class Durability {
  /** Forces every append to disk before it returns. */
  public static final Durability ALWAYS = new Durability(Kind.ALWAYS, Duration.ZERO);

  /** Never forces; the operating system writes when it likes. */
  public static final Durability NONE = new Durability(Kind.NONE, Duration.ZERO);

  /** The kinds of policy. */
  public enum Kind {
    /** A force per append. */
    ALWAYS,
    /** A force per window, shared by the appends in it. */
    GROUP,
    /** No force. */
    NONE
  }

  private final Kind kind;
  private final Duration window;

  private Durability(Kind kind, Duration window) {
    this.kind = kind;
    this.window = window;
  }

  /**
   * Returns group commit: appends wait up to {@code window} for others to join one force.
   *
   * @throws IllegalArgumentException when the window is negative, zero or over one second
   */
  public static Durability group(Duration window) {
    Objects.requireNonNull(window, "window == null");
    if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofSeconds(1)) > 0) {
      throw new IllegalArgumentException("the group window must be in (0, 1 s], was " + window);
    }
    return new Durability(Kind.GROUP, window);
  }

  /** Returns the kind of policy. */
  public Kind kind() {
    return kind;
  }

  /** Returns the group window; zero unless the kind is {@link Kind#GROUP}. */
  public Duration window() {
    return window;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Durability d && d.kind == kind && d.window.equals(window);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + window.hashCode();
  }

  @Override
  public String toString() {
    return kind == Kind.GROUP ? "GROUP(" + window.toMillis() + " ms)" : kind.name();
  }
}
