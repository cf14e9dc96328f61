package dev.codexcontinue.cli.internal;

import dev.codexcontinue.api.Capability;
import dev.codexcontinue.api.ModelInfo;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.api.exception.ProviderUnavailableException;
import dev.codexcontinue.api.exception.UnsupportedCapabilityException;
import dev.codexcontinue.core.discovery.Providers;
import dev.codexcontinue.provider.tabby.TabbyModel;
import dev.codexcontinue.provider.tabby.TabbyProvider;
import dev.codexcontinue.provider.tabby.TabbyServerInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the provider of a command: the one the {@code provider} setting names, else the first
 * configured one (OpenAI key, Azure endpoint, Tabby endpoint) that answers, else local Ollama. Each
 * candidate is probed by listing its models, without retries and with a short deadline.
 */
final class ProviderResolver {
  private static final String PROBE_TIMEOUT = "5s";

  private final CliSettings settings;

  ProviderResolver(CliSettings settings) {
    this.settings = settings;
  }

  /** Returns the candidates this run would try, in order. */
  List<ProviderCandidate> candidates() {
    Settings s = settings.settings();
    List<ProviderCandidate> all = ProviderCandidate.all(s);
    Optional<String> chosen = s.get("provider").map(v -> v.strip().toLowerCase(Locale.ROOT));
    if (chosen.isPresent() && !chosen.get().isEmpty() && !chosen.get().equals("auto")) {
      String id = chosen.get();
      return all.stream()
          .filter(c -> c.id().equals(id))
          .findFirst()
          .map(List::of)
          .orElseThrow(
              () ->
                  new ConfigurationException(
                      "unknown provider '"
                          + id
                          + "': choose one of openai, azure-openai, tabby, ollama or auto"));
    }
    List<ProviderCandidate> ordered = new ArrayList<>();
    all.stream().filter(c -> c.configured() && !c.id().equals("ollama")).forEach(ordered::add);
    all.stream().filter(c -> c.id().equals("ollama")).forEach(ordered::add);
    return ordered;
  }

  /** Returns every known provider, configured or not, for {@code doctor}. */
  List<ProviderCandidate> known() {
    return ProviderCandidate.all(settings.settings());
  }

  /** Probes one candidate. */
  ProviderProbe probe(ProviderCandidate candidate) {
    Map<String, String> quick =
        Map.of(candidate.id() + ".timeout", PROBE_TIMEOUT, candidate.id() + ".max-retries", "0");
    try (Provider provider = Providers.create(candidate.id(), settings.with(quick))) {
      if (provider instanceof TabbyProvider tabby) {
        // Tabby lists no models; its health endpoint names them.
        TabbyServerInfo info = tabby.health();
        List<ModelInfo> models = new ArrayList<>();
        info.completionModel().flatMap(TabbyModel::name).map(ModelInfo::of).ifPresent(models::add);
        info.chatModel().flatMap(TabbyModel::name).map(ModelInfo::of).ifPresent(models::add);
        return new ProviderProbe(candidate, true, models, null);
      }
      try {
        return new ProviderProbe(candidate, true, provider.models(), null);
      } catch (UnsupportedCapabilityException e) {
        return new ProviderProbe(candidate, true, List.of(), null);
      }
    } catch (ProviderUnavailableException e) {
      return new ProviderProbe(candidate, false, List.of(), "not reachable: " + e.getMessage());
    } catch (CodexException | IllegalArgumentException | IllegalStateException e) {
      return new ProviderProbe(candidate, false, List.of(), String.valueOf(e.getMessage()));
    }
  }

  /**
   * Returns the first candidate that answers and can do {@code capability}, opened with the model
   * chosen for it.
   *
   * @throws NoProviderException naming each provider tried and the settings that enable each
   */
  ChosenProvider resolve(Capability capability) {
    List<String> tried = new ArrayList<>();
    List<ProviderCandidate> candidates = candidates();
    for (ProviderCandidate candidate : candidates) {
      ProviderProbe probe = probe(candidate);
      if (probe.failure().isPresent()) {
        tried.add(line(candidate, probe.failure().get()));
        continue;
      }
      Optional<String> model = modelFor(candidate, probe.models());
      if (model.isEmpty() && candidate.id().equals("ollama")) {
        tried.add(line(candidate, "reachable but has no model: run `ollama pull llama3.2`"));
        continue;
      }
      Provider provider =
          Providers.create(candidate.id(), settings.with(modelSetting(candidate, model)));
      if (!provider.supports(capability)) {
        provider.close();
        tried.add(line(candidate, "cannot do " + capability.name().toLowerCase(Locale.ROOT)));
        continue;
      }
      return new ChosenProvider(
          provider, candidate, model.orElse("(server default)"), probe.models());
    }
    throw new NoProviderException(explain(capability, tried, candidates));
  }

  private String explain(
      Capability capability, List<String> tried, List<ProviderCandidate> candidates) {
    StringBuilder b = new StringBuilder();
    b.append("no provider reachable for ")
        .append(capability.name().toLowerCase(Locale.ROOT).replace('_', ' '))
        .append(". Tried:\n");
    tried.forEach(t -> b.append("  ").append(t).append('\n'));
    List<String> untried =
        known().stream()
            .filter(k -> candidates.stream().noneMatch(c -> c.id().equals(k.id())))
            .map(k -> "  " + k.id() + ": " + k.enableHint())
            .toList();
    if (!untried.isEmpty()) {
      b.append("Not configured (set these to enable):\n");
      untried.forEach(u -> b.append(u).append('\n'));
    }
    b.append("Settings come from flags, the environment, ./.env or ")
        .append(settings.configFile())
        .append(" (keys such as openai.api-key). `codexctl doctor` shows what is in effect.");
    return b.toString();
  }

  private static String line(ProviderCandidate c, String why) {
    return c.id() + " at " + c.target() + ": " + why + "\n      enable: " + c.enableHint();
  }

  private Optional<String> modelFor(ProviderCandidate candidate, List<ModelInfo> models) {
    Settings s = settings.settings();
    Optional<String> explicit = s.get("model").filter(v -> !v.isBlank());
    if (explicit.isPresent()) {
      return explicit;
    }
    String key =
        candidate.id().equals("azure-openai")
            ? "azure-openai.deployment"
            : candidate.id() + ".model";
    Optional<String> own = s.get(key).filter(v -> !v.isBlank());
    if (own.isPresent()) {
      return own;
    }
    return switch (candidate.id()) {
      case "openai" -> Optional.of("gpt-4o-mini");
      case "ollama" ->
          models.stream()
              .map(ModelInfo::id)
              .filter(id -> !id.toLowerCase(Locale.ROOT).contains("embed"))
              .findFirst();
      default -> Optional.empty();
    };
  }

  private static Map<String, String> modelSetting(ProviderCandidate c, Optional<String> model) {
    if (model.isEmpty()) {
      return Map.of();
    }
    String key = c.id().equals("azure-openai") ? "azure-openai.deployment" : c.id() + ".model";
    return Map.of(key, model.get());
  }
}
