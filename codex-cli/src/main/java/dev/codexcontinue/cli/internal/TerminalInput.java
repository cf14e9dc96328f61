package dev.codexcontinue.cli.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Lines from the terminal with editing and a persistent history, through JLine. */
final class TerminalInput implements UserInput {
  private final Terminal terminal;
  private final LineReader reader;

  private TerminalInput(Terminal terminal, LineReader reader) {
    this.terminal = terminal;
    this.reader = reader;
  }

  static TerminalInput open(Path historyFile) {
    try {
      Files.createDirectories(historyFile.toAbsolutePath().getParent());
      Terminal terminal = TerminalBuilder.builder().system(true).build();
      if (terminal.getWidth() <= 0 || terminal.getHeight() <= 0) {
        // A pseudo-terminal nobody sized (script, CI): JLine would squeeze the prompt to nothing.
        terminal.setSize(new Size(80, 24));
      }
      LineReader reader =
          LineReaderBuilder.builder()
              .terminal(terminal)
              .appName("codexctl")
              .variable(LineReader.HISTORY_FILE, historyFile)
              .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
              .build();
      return new TerminalInput(terminal, reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the terminal", e);
    }
  }

  @Override
  public Optional<String> readLine(String prompt) {
    try {
      return Optional.of(reader.readLine(prompt));
    } catch (UserInterruptException e) {
      return Optional.of(""); // Ctrl-C drops the line being typed, as in a shell
    } catch (EndOfFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    try {
      reader.getHistory().save();
      terminal.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the line history", e);
    }
  }
}
