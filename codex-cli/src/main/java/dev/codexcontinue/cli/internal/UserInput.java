package dev.codexcontinue.cli.internal;

import dev.codexcontinue.cli.CliContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a command reads the user's lines and answers: with line editing and history on a terminal
 * (JLine), plain lines otherwise (a pipe, a test). One per run, because a plain reader buffers.
 */
interface UserInput extends AutoCloseable {
  /** Returns the next line after showing {@code prompt}; empty at end of input. */
  Optional<String> readLine(String prompt);

  /** Asks a yes/no question; anything but {@code y} or {@code yes} (or end of input) is no. */
  default boolean confirm(String question) {
    return readLine(question + " [y/N] ")
        .map(a -> a.strip().toLowerCase(Locale.ROOT))
        .filter(a -> a.equals("y") || a.equals("yes"))
        .isPresent();
  }

  @Override
  void close();

  /** Returns the input of {@code context}: JLine on a terminal, plain lines otherwise. */
  static UserInput of(CliContext context, Path historyFile) {
    if (context.isInteractiveTerminal()) {
      return TerminalInput.open(historyFile);
    }
    return new Plain(context.in(), context.out());
  }

  /** Plain lines from a stream, prompts to the output. */
  final class Plain implements UserInput {
    private final BufferedReader reader;
    private final PrintStream out;

    Plain(java.io.InputStream in, PrintStream out) {
      this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      this.out = out;
    }

    @Override
    public Optional<String> readLine(String prompt) {
      out.print(prompt);
      out.flush();
      try {
        return Optional.ofNullable(reader.readLine());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read standard input", e);
      }
    }

    @Override
    public void close() {
      // Standard input belongs to the process; it stays open.
    }
  }
}
