package dev.codexcontinue.cli.internal;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.ModelInfo;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.cli.CliContext;
import dev.codexcontinue.cli.ExitCode;
import dev.codexcontinue.memory.faiss.FaissMemoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import picocli.CommandLine.Command;

/** {@code codexctl doctor}: what is configured, reachable and stored. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the configuration in effect (secrets masked) and where each value comes from, which"
          + " providers are reachable and the models they offer, and the memory store's location"
          + " and health. Exits 1 when the store is damaged."
    })
final class DoctorCommand extends BaseCommand {
  private static final List<String> CLI_KEYS =
      List.of("provider", "model", MemoryHome.EMBEDDINGS, "shell.sandbox", "shell.workspace");

  DoctorCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    CliSettings s = settings();
    out().println("home: " + s.home() + (Files.isDirectory(s.home()) ? "" : " (not created yet)"));
    out()
        .println(
            "config file: "
                + s.configFile()
                + (Files.isRegularFile(s.configFile())
                    ? " (" + s.fileValues().size() + " keys)"
                    : " (none)"));
    settingsSection(s);
    providersSection();
    return storeSection(s);
  }

  private void settingsSection(CliSettings s) {
    out().println();
    out().println("settings in effect:");
    TreeSet<String> keys = new TreeSet<>(Settings.wellKnownKeys());
    keys.addAll(CLI_KEYS);
    keys.addAll(s.fileValues().keySet());
    keys.addAll(common.asSettings().keySet());
    Settings settings = s.settings();
    boolean any = false;
    for (String key : keys) {
      Optional<String> value = settings.get(key);
      if (value.isEmpty()) {
        continue;
      }
      any = true;
      String shown = Settings.isSecretKey(key) ? "****" : value.get();
      out().printf("  %-24s = %s  (%s)%n", key, shown, s.sourceOf(key).orElse("?"));
    }
    if (!any) {
      out().println("  (none: every default applies)");
    }
  }

  private void providersSection() {
    out().println();
    out().println("providers (in the order tried):");
    ProviderResolver resolver = resolver();
    List<ProviderCandidate> tried = resolver.candidates();
    for (ProviderCandidate c : tried) {
      ProviderProbe probe = resolver.probe(c);
      if (probe.failure().isPresent()) {
        out().printf("  %-13s %s: %s%n", c.id(), c.target(), probe.failure().get());
        out().println("                enable: " + c.enableHint());
        continue;
      }
      List<String> models = probe.models().stream().map(ModelInfo::id).toList();
      out()
          .printf(
              "  %-13s %s: reachable; models: %s%n",
              c.id(),
              c.target(),
              models.isEmpty()
                  ? "(not listed)"
                  : String.join(", ", models.subList(0, Math.min(models.size(), 12)))
                      + (models.size() > 12 ? ", ... (" + models.size() + ")" : ""));
    }
    for (ProviderCandidate k : resolver.known()) {
      if (tried.stream().noneMatch(c -> c.id().equals(k.id()))) {
        out().printf("  %-13s not configured; enable: %s%n", k.id(), k.enableHint());
      }
    }
  }

  private int storeSection(CliSettings s) {
    out().println();
    MemoryHome home = memoryHome();
    EmbeddingModel offline = MemoryHome.offline();
    boolean provider = MemoryHome.wantsProviderEmbeddings(s);
    out()
        .println(
            "embeddings: "
                + (provider
                    ? "the provider's (memory.embeddings=provider)"
                    : offline.name() + " (offline)"));
    Path memoryRoot = s.home().resolve("memory");
    if (!Files.isDirectory(memoryRoot)) {
      out().println("memory: " + memoryRoot + " (empty: nothing indexed or remembered yet)");
      return ExitCode.OK;
    }
    int code = ExitCode.OK;
    try (var dirs = Files.list(memoryRoot)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        code = Math.max(code, storeHealth(home, dir, offline));
      }
    } catch (java.io.IOException e) {
      out().println("memory: " + memoryRoot + ": cannot list: " + e.getMessage());
      code = ExitCode.ERROR;
    }
    Path sessions = s.home().resolve("sessions");
    try (var files =
        Files.exists(sessions) ? Files.list(sessions) : java.util.stream.Stream.<Path>empty()) {
      long n = files.filter(p -> p.toString().endsWith(".jsonl")).count();
      out().println("sessions: " + sessions + " (" + n + " stored)");
    } catch (java.io.IOException e) {
      out().println("sessions: " + sessions + ": cannot list: " + e.getMessage());
    }
    return code;
  }

  private int storeHealth(MemoryHome home, Path dir, EmbeddingModel offline) {
    boolean isOffline = dir.equals(home.storeDirectory(offline));
    try (FaissMemoryStore store =
        FaissMemoryStore.builder()
            .directory(dir)
            .dimension(isOffline ? offline.dimensions() : 1)
            .build()) {
      out()
          .printf(
              "memory: %s: ok, %d records, generation %d, dimension %d%n",
              dir, store.size(), store.generation(), store.dimension());
      List<String> indexed = new DocsCatalog(dir).names();
      indexed.forEach(n -> out().println("  indexed: " + DocsCatalog.rootOf(n)));
      return ExitCode.OK;
    } catch (CodexException | IllegalArgumentException | IllegalStateException e) {
      out().println("memory: " + dir + ": UNHEALTHY: " + Commands.describe(e));
      return ExitCode.ERROR;
    }
  }
}
