package dev.codexcontinue.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * What a {@code codexctl} run reads and writes: standard streams, environment variables, system
 * properties and the working directory. {@link #system()} is the real process; tests and hosts
 * build their own so that a run is isolated (a temporary home through {@code CODEX_HOME}, captured
 * output). Immutable.
 *
 * <pre>{@code
 * CliContext context = CliContext.builder()
 *     .environment(Map.of("CODEX_HOME", home.toString()))
 *     .out(capturedOut).err(capturedErr)
 *     .build();
 * int code = Codexctl.run(context, "search", "retries");
 * }</pre>
 */
public final class CliContext {
  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> environment;
  private final Properties systemProperties;
  private final Path workingDirectory;
  private final boolean interactiveTerminal;

  private CliContext(Builder b) {
    this.in = b.in;
    this.out = b.out;
    this.err = b.err;
    this.environment = Map.copyOf(b.environment);
    this.systemProperties = b.systemProperties;
    this.workingDirectory = b.workingDirectory.toAbsolutePath().normalize();
    this.interactiveTerminal = b.interactiveTerminal;
  }

  /** Returns the context of this process: its streams, environment, properties and directory. */
  public static CliContext system() {
    return builder()
        .in(System.in)
        .out(System.out)
        .err(System.err)
        .environment(System.getenv())
        .systemProperties(System.getProperties())
        .workingDirectory(Path.of(""))
        .interactiveTerminal(System.console() != null)
        .build();
  }

  /**
   * Returns a builder whose defaults are isolated from the process: empty standard input, output
   * discarded, no environment, no system properties, the current directory, no terminal.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns standard input. */
  public InputStream in() {
    return in;
  }

  /** Returns standard output. */
  public PrintStream out() {
    return out;
  }

  /** Returns standard error. */
  public PrintStream err() {
    return err;
  }

  /** Returns the environment variables. */
  public Map<String, String> environment() {
    return environment;
  }

  /** Returns a copy of the system properties ({@code codex.*} ones configure settings). */
  public Properties systemProperties() {
    Properties copy = new Properties();
    copy.putAll(systemProperties);
    return copy;
  }

  /** Returns the working directory, absolute; {@code .env} is read from it. */
  public Path workingDirectory() {
    return workingDirectory;
  }

  /**
   * Returns whether standard input and output are a terminal, in which case the chat uses line
   * editing and history; otherwise it reads plain lines.
   */
  public boolean isInteractiveTerminal() {
    return interactiveTerminal;
  }

  /** Builds a {@link CliContext}. Not thread-safe. */
  public static final class Builder {
    private InputStream in = InputStream.nullInputStream();
    private PrintStream out =
        new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    private PrintStream err =
        new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    private Map<String, String> environment = Map.of();
    private Properties systemProperties = new Properties();
    private Path workingDirectory = Path.of("");
    private boolean interactiveTerminal;

    private Builder() {}

    /** Sets standard input. */
    public Builder in(InputStream in) {
      this.in = Objects.requireNonNull(in, "in == null");
      return this;
    }

    /** Sets standard output. */
    public Builder out(PrintStream out) {
      this.out = Objects.requireNonNull(out, "out == null");
      return this;
    }

    /** Sets standard error. */
    public Builder err(PrintStream err) {
      this.err = Objects.requireNonNull(err, "err == null");
      return this;
    }

    /** Sets the environment variables. */
    public Builder environment(Map<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment == null");
      return this;
    }

    /** Sets the system properties; they are copied. */
    public Builder systemProperties(Properties properties) {
      Objects.requireNonNull(properties, "properties == null");
      Properties copy = new Properties();
      copy.putAll(properties);
      this.systemProperties = copy;
      return this;
    }

    /** Sets the working directory. */
    public Builder workingDirectory(Path directory) {
      this.workingDirectory = Objects.requireNonNull(directory, "directory == null");
      return this;
    }

    /** Sets whether the streams are a terminal (line editing and history in the chat). */
    public Builder interactiveTerminal(boolean interactive) {
      this.interactiveTerminal = interactive;
      return this;
    }

    /** Returns the context. */
    public CliContext build() {
      return new CliContext(this);
    }
  }
}
