package dev.codexcontinue.core.ratelimit;

/**
 * A source of monotonic nanoseconds. Rate limits measure elapsed time, which a wall clock cannot be
 * trusted with (it jumps); tests inject a ticker they move by hand.
 */
@FunctionalInterface
public interface Ticker {
  /** The JVM's monotonic clock, {@link System#nanoTime()}. */
  Ticker SYSTEM = System::nanoTime;

  /** Returns the current time in nanoseconds from an arbitrary, fixed origin. */
  long nanos();
}
