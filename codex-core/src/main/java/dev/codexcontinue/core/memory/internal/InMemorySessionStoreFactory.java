package dev.codexcontinue.core.memory.internal;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.memory.SessionStore;
import dev.codexcontinue.api.spi.SessionStoreFactory;
import dev.codexcontinue.core.memory.InMemorySessionStore;
import java.util.Objects;

/** Creates an {@link InMemorySessionStore}: id {@code in-memory}, no settings. */
public final class InMemorySessionStoreFactory implements SessionStoreFactory {
  /** The factory id. */
  public static final String ID = "in-memory";

  /** Creates the factory; ServiceLoader calls this. */
  public InMemorySessionStoreFactory() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public SessionStore create(Settings settings) {
    Objects.requireNonNull(settings, "settings == null");
    return InMemorySessionStore.create();
  }
}
