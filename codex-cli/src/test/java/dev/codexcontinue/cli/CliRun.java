package dev.codexcontinue.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs codexctl in this JVM with an isolated home, environment and captured streams. */
final class CliRun {
  private final Path home;
  private final Path workingDirectory;
  private final Map<String, String> env = new LinkedHashMap<>();
  private String stdin = "";

  CliRun(Path home, Path workingDirectory) {
    this.home = home;
    this.workingDirectory = workingDirectory;
    // Nothing answers on this port: the Ollama fallback is unreachable unless a test sets it.
    env.put("OLLAMA_HOST", "http://127.0.0.1:1");
  }

  CliRun env(String name, String value) {
    env.put(name, value);
    return this;
  }

  CliRun withoutEnv(String name) {
    env.remove(name);
    return this;
  }

  CliRun stdin(String text) {
    this.stdin = text;
    return this;
  }

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> environment = new LinkedHashMap<>(env);
    environment.put("CODEX_HOME", home.toString());
    CliContext context =
        CliContext.builder()
            .in(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
            .out(new PrintStream(out, true, StandardCharsets.UTF_8))
            .err(new PrintStream(err, true, StandardCharsets.UTF_8))
            .environment(environment)
            .workingDirectory(workingDirectory)
            .build();
    int code = Codexctl.run(context, args);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The outcome of one run. */
  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
    }
  }
}
