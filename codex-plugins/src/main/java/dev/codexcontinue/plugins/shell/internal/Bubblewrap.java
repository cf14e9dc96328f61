package dev.codexcontinue.plugins.shell.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nullable;

/**
 * Runs commands inside bubblewrap ({@code bwrap}) on Linux: the whole file system read-only, the
 * workspace bound read-write, new user, pid, network, IPC and UTS namespaces (so no network at
 * all), a new session (no terminal injection) and death with the parent. Whether it works is found
 * by running {@code true} the same way once per executable and workspace; user namespaces are often
 * disabled in containers, and then the probe fails.
 */
public final class Bubblewrap {
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
  private static final Map<List<Path>, Probe> PROBES = new ConcurrentHashMap<>();

  private final Path executable;
  private final Path workspace;

  private Bubblewrap(Path executable, Path workspace) {
    this.executable = executable;
    this.workspace = workspace;
  }

  /** What a probe found: the working sandbox, or why there is none. */
  public static final class Probe {
    @Nullable private final Bubblewrap sandbox;
    private final String problem;

    private Probe(@Nullable Bubblewrap sandbox, String problem) {
      this.sandbox = sandbox;
      this.problem = Objects.requireNonNull(problem, "problem == null");
    }

    static Probe works(Bubblewrap sandbox) {
      return new Probe(sandbox, "");
    }

    static Probe fails(String problem) {
      return new Probe(null, problem);
    }

    /** Returns the sandbox, when it works. */
    public Optional<Bubblewrap> sandbox() {
      return Optional.ofNullable(sandbox);
    }

    /** Returns why the sandbox does not work; empty when it does. */
    public String problem() {
      return problem;
    }
  }

  /**
   * Returns whether {@code executable} runs commands confined to {@code workspace} on this machine;
   * the answer is cached for the life of the JVM.
   *
   * @param executable the bwrap executable, or null when none was found
   * @param workspace the real path of the workspace
   * @param environment the environment the probe runs with
   */
  public static Probe probe(
      @Nullable Path executable, Path workspace, Map<String, String> environment) {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
      return Probe.fails("bubblewrap runs only on Linux");
    }
    if (executable == null) {
      return Probe.fails("bwrap was not found on PATH");
    }
    return PROBES.computeIfAbsent(
        List.of(executable, workspace), k -> run(executable, workspace, environment));
  }

  private static Probe run(Path exe, Path workspace, Map<String, String> environment) {
    Bubblewrap candidate = new Bubblewrap(exe, workspace);
    Optional<Path> truePath = ExecutableResolver.find("true", environment);
    if (truePath.isEmpty()) {
      return Probe.fails("cannot probe bwrap: 'true' is not on PATH");
    }
    try {
      RunOutcome outcome =
          new ProcessRunner(4096, Duration.ofSeconds(1))
              .run(
                  candidate.wrap(List.of(truePath.get().toString()), workspace),
                  workspace,
                  environment,
                  PROBE_TIMEOUT,
                  () -> false);
      if (outcome.exitCode() == 0) {
        return Probe.works(candidate);
      }
      return Probe.fails(
          "bwrap failed (exit " + outcome.exitCode() + "): " + outcome.stderr().strip());
    } catch (IOException e) {
      return Probe.fails("bwrap cannot be started: " + e.getMessage());
    }
  }

  /** Returns the command line that runs {@code argv} (resolved) in the sandbox, in {@code cwd}. */
  public List<String> wrap(List<String> argv, Path cwd) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(
        List.of(
            "--die-with-parent",
            "--new-session",
            "--unshare-all",
            "--ro-bind",
            "/",
            "/",
            "--dev",
            "/dev",
            "--proc",
            "/proc",
            "--bind",
            workspace.toString(),
            workspace.toString(),
            "--chdir",
            cwd.toString(),
            "--"));
    command.addAll(argv);
    return command;
  }

  @Override
  public String toString() {
    return "Bubblewrap[" + executable + "]";
  }
}
