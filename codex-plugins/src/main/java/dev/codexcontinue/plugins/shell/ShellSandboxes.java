package dev.codexcontinue.plugins.shell;

import dev.codexcontinue.plugins.shell.internal.Bubblewrap;
import dev.codexcontinue.plugins.shell.internal.ExecutableResolver;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses the sandbox of a shell tool when it is built, and fails closed when one is required. */
final class ShellSandboxes {
  private static final Logger log = LoggerFactory.getLogger(ShellTool.class);

  private ShellSandboxes() {}

  static Optional<Bubblewrap> select(
      SandboxMode mode,
      @Nullable Path bubblewrap,
      Path workspace,
      Map<String, String> environment) {
    if (mode == SandboxMode.OFF) {
      log.info("shell tool in {}: sandbox off", workspace);
      return Optional.empty();
    }
    Path executable =
        bubblewrap != null
            ? bubblewrap
            : ExecutableResolver.find("bwrap", environment).orElse(null);
    Bubblewrap.Probe probe = Bubblewrap.probe(executable, workspace, environment);
    if (probe.sandbox().isPresent()) {
      log.info("shell tool in {}: sandbox bubblewrap", workspace);
      return probe.sandbox();
    }
    if (mode == SandboxMode.REQUIRED) {
      throw new SandboxUnavailableException(
          "shell sandbox is required but unavailable: " + probe.problem());
    }
    log.warn(
        "shell tool in {}: no sandbox ({}); commands run unconfined", workspace, probe.problem());
    return Optional.empty();
  }
}
