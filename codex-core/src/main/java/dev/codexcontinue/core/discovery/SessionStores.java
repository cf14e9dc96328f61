package dev.codexcontinue.core.discovery;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.memory.SessionStore;
import dev.codexcontinue.api.spi.SessionStoreFactory;
import java.util.Set;

/** Creates session stores by id ({@code in-memory}, {@code jsonl}, ...). */
public final class SessionStores {
  private SessionStores() {}

  /** Creates the session store {@code id} from the thread's context class loader. */
  public static SessionStore create(String id, Settings settings) {
    return create(id, settings, FactoryCatalog.defaultLoader());
  }

  /** Creates the session store {@code id} from {@code loader}. */
  public static SessionStore create(String id, Settings settings, ClassLoader loader) {
    return catalog(loader).select(id).create(settings);
  }

  /** Returns the ids of the session stores visible to {@code loader}. */
  public static Set<String> ids(ClassLoader loader) {
    return catalog(loader).ids();
  }

  private static FactoryCatalog<SessionStoreFactory> catalog(ClassLoader loader) {
    return FactoryCatalog.load(
        "session store", SessionStoreFactory.class, loader, SessionStoreFactory::id);
  }
}
