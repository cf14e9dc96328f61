package dev.codexcontinue.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Collects what an example prints, for its test to read. */
public final class Output {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  /** Returns the stream to hand to the example. */
  public PrintStream stream() {
    return stream;
  }

  /** Returns everything printed so far. */
  public String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
