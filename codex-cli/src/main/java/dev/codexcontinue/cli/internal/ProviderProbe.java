package dev.codexcontinue.cli.internal;

import dev.codexcontinue.api.ModelInfo;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * What probing one provider found: reachable or not, the models it offers, and the failure.
 *
 * @param candidate the provider probed
 * @param reachable whether it answered
 * @param models the models it listed; empty when it cannot list them
 * @param problem why it cannot serve, when it cannot; null when it can
 */
record ProviderProbe(
    ProviderCandidate candidate,
    boolean reachable,
    List<ModelInfo> models,
    @Nullable String problem) {
  ProviderProbe {
    models = List.copyOf(models);
  }

  /** Returns why the provider cannot serve, if it cannot. */
  Optional<String> failure() {
    return Optional.ofNullable(problem);
  }
}
