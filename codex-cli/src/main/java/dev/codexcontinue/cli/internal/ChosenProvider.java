package dev.codexcontinue.cli.internal;

import dev.codexcontinue.api.ModelInfo;
import dev.codexcontinue.api.Provider;
import java.util.List;

/**
 * The provider a command runs on. Closing it closes the provider.
 *
 * @param provider the open provider
 * @param candidate which one it is
 * @param model the model it uses by default
 * @param models the models it offers, as listed when it was probed
 */
record ChosenProvider(
    Provider provider, ProviderCandidate candidate, String model, List<ModelInfo> models)
    implements AutoCloseable {
  ChosenProvider {
    models = List.copyOf(models);
  }

  @Override
  public void close() {
    provider.close();
  }
}
