package dev.codexcontinue.core.memory.internal;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.memory.SessionStore;
import dev.codexcontinue.api.spi.SessionStoreFactory;
import dev.codexcontinue.core.memory.JsonlSessionStore;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Creates a {@link JsonlSessionStore}: id {@code jsonl}, directory from the setting {@value
 * #DIRECTORY} (system property {@code codex.session.directory}, environment variable {@code
 * CODEX_SESSION_DIRECTORY}).
 */
public final class JsonlSessionStoreFactory implements SessionStoreFactory {
  /** The factory id. */
  public static final String ID = "jsonl";

  /** The setting naming the directory of the session files. */
  public static final String DIRECTORY = "session.directory";

  /** Creates the factory; ServiceLoader calls this. */
  public JsonlSessionStoreFactory() {}

  @Override
  public String id() {
    return ID;
  }

  /**
   * Opens the store.
   *
   * @throws dev.codexcontinue.api.exception.ConfigurationException when the directory is not set
   */
  @Override
  public SessionStore create(Settings settings) {
    Objects.requireNonNull(settings, "settings == null");
    return JsonlSessionStore.open(Path.of(settings.require(DIRECTORY)));
  }
}
