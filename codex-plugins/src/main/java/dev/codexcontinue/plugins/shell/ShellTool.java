package dev.codexcontinue.plugins.shell;

import dev.codexcontinue.api.Secret;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.ToolArgumentException;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.plugins.docs.internal.ConfinedRoot;
import dev.codexcontinue.plugins.docs.internal.JsonArguments;
import dev.codexcontinue.plugins.docs.internal.PathDeniedException;
import dev.codexcontinue.plugins.shell.internal.Bubblewrap;
import dev.codexcontinue.plugins.shell.internal.CommandRules;
import dev.codexcontinue.plugins.shell.internal.EnvironmentScrubber;
import dev.codexcontinue.plugins.shell.internal.ExecutableResolver;
import dev.codexcontinue.plugins.shell.internal.ProcessRunner;
import dev.codexcontinue.plugins.shell.internal.RunOutcome;
import dev.codexcontinue.plugins.shell.internal.ShellQuoting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tool that runs one program with its arguments in a workspace, safely by default. Build it with
 * {@link #builder()}, or through {@link ShellToolFactory} (id {@code shell}).
 *
 * <ul>
 *   <li>The command is an argv list run with {@link ProcessBuilder}: no shell parses it, so {@code
 *       ;}, pipes, globs and {@code $VAR} are plain text. Shell interpreters ({@code sh -c}) run
 *       only when {@link Builder#allowShellSyntax(boolean)} is set, and then only after approval.
 *   <li>Executables come from an allowlist and are found on {@code PATH} by name (absolute {@code
 *       PATH} entries only). A built-in read-only set ({@link #READ_ONLY_COMMANDS}: {@code ls},
 *       {@code cat}, {@code grep}, {@code git status}...) runs without approval ({@link
 *       #permissionFor} is {@code ALLOW}); executables added with {@link Builder#allow} run after
 *       approval ({@code ASK}); anything else is refused ({@code DENY}). Arguments that make a
 *       command run programs or write files ({@code find -exec}, {@code git -c}, {@code rg --pre},
 *       {@code base64 -o}...) are refused whatever the allowlist says.
 *   <li>The working directory is the workspace, or a directory inside it ({@code cwd}, checked
 *       through symbolic links). Standard input is the null device. The environment is the host's
 *       without variables named like credentials ({@code *KEY*}, {@code *TOKEN*}, {@code *SECRET*},
 *       {@code *PASSWORD*}) or holding a registered secret.
 *   <li>A timeout (10 s by default, at most 10 min) kills the command and every process it started,
 *       and reports exit code 124. Each output stream is capped (64 KiB by default); a command that
 *       writes more is stopped and its output marked as truncated. Output pipes held open by
 *       background children are waited for at most 2 s after the command exits.
 *   <li>Registered secret values are masked in everything the tool returns.
 *   <li>With a sandbox ({@link SandboxMode}), commands run in bubblewrap on Linux: no network, only
 *       the workspace writable. {@link #sandbox()} tells which sandbox is in effect.
 * </ul>
 *
 * <p>Immutable and thread-safe; each call starts its own process.
 *
 * <pre>{@code
 * ShellTool shell = ShellTool.builder().workspace(Path.of("/srv/repo")).allow("mvn").build();
 * CommandResult result = shell.run(List.of("git", "status", "--short"));
 * }</pre>
 */
public final class ShellTool implements Tool {
  /** The tool's name. */
  public static final String NAME = "shell";

  /** The executables whose read-only uses run without approval. */
  public static final Set<String> READ_ONLY_COMMANDS = CommandRules.READ_ONLY;

  /** The default timeout of one command. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** The longest timeout a command may have. */
  public static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

  /** The default cap on each output stream, in bytes. */
  public static final int DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024;

  /** How long the tool waits for output pipes after the command exited. */
  public static final Duration IO_DRAIN_LIMIT = Duration.ofSeconds(2);

  private static final Logger log = LoggerFactory.getLogger(ShellTool.class);
  private static final Set<String> ARGUMENTS = Set.of("command", "cwd", "timeout_seconds");
  private static final int MAX_COMMAND_CHARS = 128 * 1024;

  private final ConfinedRoot workspace;
  private final CommandRules rules;
  private final Duration timeout;
  private final int maxOutputBytes;
  private final Map<String, String> environment;
  private final Redactor redactor;
  @Nullable private final Bubblewrap bubblewrap;
  private final ProcessRunner runner;
  private final ToolSpec spec;

  private ShellTool(Builder b, ConfinedRoot workspace, Map<String, String> environment) {
    this.workspace = workspace;
    this.rules = new CommandRules(b.allowed, b.allowShellSyntax);
    this.timeout = b.timeout;
    this.maxOutputBytes = b.maxOutputBytes;
    this.environment = environment;
    this.redactor = Redactor.create().registerAll(b.secrets);
    this.bubblewrap =
        ShellSandboxes.select(b.sandboxMode, b.bubblewrap, workspace.root(), environment)
            .orElse(null);
    this.runner = new ProcessRunner(maxOutputBytes, IO_DRAIN_LIMIT);
    this.spec =
        ShellSpecs.spec(NAME, b.allowed, b.allowShellSyntax, sandbox(), timeout.toSeconds());
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the sandbox in effect for every command of this tool. */
  public Sandbox sandbox() {
    return bubblewrap != null ? Sandbox.BUBBLEWRAP : Sandbox.NONE;
  }

  /** Returns the real path of the workspace. */
  public Path workspace() {
    return workspace.root();
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public ToolPermission defaultPermission() {
    return ToolPermission.ASK;
  }

  /**
   * Returns {@code ALLOW} for a read-only command of the built-in set, {@code ASK} for another
   * permitted command, and {@code DENY} for a command this tool would refuse.
   */
  @Override
  public ToolPermission permissionFor(ToolCall call) {
    Objects.requireNonNull(call, "call == null");
    try {
      return switch (rules.check(command(call)).kind()) {
        case READ_ONLY -> ToolPermission.ALLOW;
        case PERMITTED -> ToolPermission.ASK;
        case REJECTED -> ToolPermission.DENY;
      };
    } catch (ToolArgumentException e) {
      return ToolPermission.DENY;
    }
  }

  /** Returns the command line, each argument quoted as a POSIX shell would need it. */
  @Override
  public String describeCall(ToolCall call) {
    Objects.requireNonNull(call, "call == null");
    try {
      return ShellQuoting.join(command(call));
    } catch (ToolArgumentException e) {
      return call.arguments();
    }
  }

  @Override
  public ToolResult execute(ToolCall call, ToolContext context) {
    Objects.requireNonNull(call, "call == null");
    Objects.requireNonNull(context, "context == null");
    try {
      JsonArguments args = JsonArguments.parse(NAME, call.arguments(), ARGUMENTS);
      List<String> command = args.stringList("command");
      String cwd = args.optionalString("cwd").orElse(".");
      Duration limit =
          args.optionalInt("timeout_seconds", 1, (int) MAX_TIMEOUT.toSeconds())
              .map(Duration::ofSeconds)
              .orElse(timeout);
      CommandResult result = run(command, cwd, limit, context);
      return new ToolResult(result.toText(), result.timedOut());
    } catch (ToolArgumentException e) {
      return ToolResult.error(redactor.redact(String.join("; ", e.violations())));
    } catch (CommandRejectedException e) {
      return ToolResult.error(
          "command refused: " + redactor.redact(String.valueOf(e.getMessage())));
    }
  }

  /**
   * Runs {@code command} in the workspace with the tool's timeout; see the class documentation.
   *
   * @throws CommandRejectedException when the command may not run or cannot be started
   * @throws CancelledException when the calling thread is interrupted; the process tree is killed
   */
  public CommandResult run(List<String> command) {
    Objects.requireNonNull(command, "command == null");
    return run(List.copyOf(command), ".", timeout, ToolContext.none());
  }

  private CommandResult run(
      List<String> argv, String cwd, Duration requested, ToolContext context) {
    CommandRules.Verdict verdict = rules.check(argv);
    if (verdict.kind() == CommandRules.Kind.REJECTED) {
      throw rejected(verdict.reason(), null);
    }
    if (argv.stream().mapToInt(String::length).sum() > MAX_COMMAND_CHARS) {
      throw rejected("the command is longer than " + MAX_COMMAND_CHARS + " characters", null);
    }
    Path directory = directory(cwd);
    Path executable =
        ExecutableResolver.find(argv.get(0), environment)
            .orElseThrow(() -> rejected(argv.get(0) + " was not found on PATH", null));
    List<String> resolved = new ArrayList<>(argv);
    resolved.set(0, executable.toString());
    Duration limit = effectiveTimeout(requested, context);
    Bubblewrap sandbox = bubblewrap;
    List<String> launched = sandbox != null ? sandbox.wrap(resolved, directory) : resolved;
    RunOutcome outcome;
    try {
      outcome = runner.run(launched, directory, environment, limit, context::isCancelled);
    } catch (IOException e) {
      throw rejected(argv.get(0) + " could not be started: " + e.getMessage(), e);
    }
    log.debug(
        "shell {} exit={} timedOut={} in {} ms",
        argv.get(0),
        outcome.exitCode(),
        outcome.timedOut(),
        outcome.duration().toMillis());
    if (outcome.cancelled()) {
      throw new CancelledException("the command was cancelled; its process tree was killed");
    }
    return new CommandResult(
        argv,
        outcome.exitCode(),
        redactor.redact(outcome.stdout()),
        redactor.redact(outcome.stderr()),
        outcome.timedOut(),
        outcome.stdoutTruncated(),
        outcome.stderrTruncated(),
        maxOutputBytes,
        outcome.duration(),
        sandbox());
  }

  private Path directory(String cwd) {
    try {
      Path directory = workspace.resolve(cwd);
      if (!Files.isDirectory(directory)) {
        throw rejected("cwd is not a directory in the workspace: " + cwd, null);
      }
      return directory;
    } catch (PathDeniedException e) {
      throw rejected("cwd " + e.getMessage(), null);
    }
  }

  private Duration effectiveTimeout(Duration requested, ToolContext context) {
    Duration limit = requested.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : requested;
    Optional<Instant> deadline = context.deadline();
    if (deadline.isPresent()) {
      Duration left = Duration.between(Instant.now(), deadline.get());
      if (left.isNegative() || left.isZero()) {
        throw rejected("the call's deadline has passed", null);
      }
      if (left.compareTo(limit) < 0) {
        limit = left;
      }
    }
    return limit;
  }

  private static List<String> command(ToolCall call) {
    return JsonArguments.parse(NAME, call.arguments(), ARGUMENTS).stringList("command");
  }

  /** The message may quote the model's arguments, so registered secrets are masked in it. */
  private CommandRejectedException rejected(String message, @Nullable Throwable cause) {
    return new CommandRejectedException(NAME, redactor.redact(message), cause);
  }

  @Override
  public String toString() {
    return "ShellTool[workspace="
        + workspace.root()
        + ", "
        + rules
        + ", sandbox="
        + sandbox()
        + "]";
  }

  /** Builds a {@link ShellTool}. Not thread-safe. */
  public static final class Builder {
    @Nullable private Path workspace;
    private final Set<String> allowed = new LinkedHashSet<>();
    private boolean allowShellSyntax;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int maxOutputBytes = DEFAULT_MAX_OUTPUT_BYTES;
    @Nullable private Map<String, String> environment;
    private SandboxMode sandboxMode = SandboxMode.OPTIONAL;
    @Nullable private Path bubblewrap;
    private final List<String> secrets = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the workspace: the working directory of every command and the sandbox's writable part.
     */
    public Builder workspace(Path workspace) {
      this.workspace = Objects.requireNonNull(workspace, "workspace == null");
      return this;
    }

    /**
     * Allows executables (by name, as found on {@code PATH}) beyond the read-only set; their
     * commands run after approval. Shell interpreters are governed by {@link #allowShellSyntax}.
     *
     * @throws IllegalArgumentException when a name is blank or holds a path separator
     */
    public Builder allow(String... executables) {
      return allow(List.of(executables));
    }

    /** Allows executables; see {@link #allow(String...)}. */
    public Builder allow(Collection<String> executables) {
      for (String exe : Objects.requireNonNull(executables, "executables == null")) {
        Objects.requireNonNull(exe, "executable == null");
        if (exe.isBlank() || exe.contains("/") || exe.contains("\\")) {
          throw new IllegalArgumentException("allow executables by name, not '" + exe + "'");
        }
        allowed.add(exe.strip());
      }
      return this;
    }

    /**
     * Lets shell interpreters run ({@code sh -c '...'}, after approval), which hands the model
     * pipes, redirections and expansion. Off by default.
     */
    public Builder allowShellSyntax(boolean allow) {
      this.allowShellSyntax = allow;
      return this;
    }

    /**
     * Sets the timeout of a command that does not ask for its own; 10 s by default.
     *
     * @throws IllegalArgumentException when not positive or longer than 10 minutes
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
        throw new IllegalArgumentException("timeout must be in (0, 10 min], was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets the cap on each of standard output and standard error; 64 KiB by default.
     *
     * @throws IllegalArgumentException when below 1 KiB or above 16 MiB
     */
    public Builder maxOutputBytes(int bytes) {
      if (bytes < 1024 || bytes > 16 * 1024 * 1024) {
        throw new IllegalArgumentException(
            "maxOutputBytes must be in [1 KiB, 16 MiB], was " + bytes);
      }
      this.maxOutputBytes = bytes;
      return this;
    }

    /**
     * Sets the environment that commands start from, before scrubbing; this JVM's environment by
     * default.
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment == null"));
      return this;
    }

    /** Sets whether commands run in an operating-system sandbox; {@code OPTIONAL} by default. */
    public Builder sandbox(SandboxMode mode) {
      this.sandboxMode = Objects.requireNonNull(mode, "mode == null");
      return this;
    }

    /** Sets the bubblewrap executable; by default {@code bwrap} is looked up on {@code PATH}. */
    public Builder bubblewrap(Path executable) {
      this.bubblewrap = Objects.requireNonNull(executable, "executable == null");
      return this;
    }

    /** Registers secret values that are masked in output and never passed in the environment. */
    public Builder secrets(Collection<String> values) {
      secrets.addAll(List.copyOf(Objects.requireNonNull(values, "values == null")));
      return this;
    }

    /** Registers one secret; see {@link #secrets(Collection)}. */
    public Builder secret(Secret secret) {
      secrets.add(Objects.requireNonNull(secret, "secret == null").reveal());
      return this;
    }

    /**
     * Returns the tool.
     *
     * @throws IllegalStateException when no workspace was set
     * @throws IllegalArgumentException when the workspace is not an existing directory
     * @throws SandboxUnavailableException when the sandbox is required and no backend works
     */
    public ShellTool build() {
      if (workspace == null) {
        throw new IllegalStateException("workspace is required");
      }
      ConfinedRoot root = ConfinedRoot.of(workspace);
      Map<String, String> base = environment != null ? environment : System.getenv();
      return new ShellTool(this, root, Map.copyOf(EnvironmentScrubber.scrub(base, secrets)));
    }
  }
}
