package dev.codexcontinue.api.spi;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.memory.SessionStore;

/** Creates a {@link SessionStore}; found by id ({@code in-memory}, {@code jsonl}, ...). */
public interface SessionStoreFactory {
  /** Returns the store id. */
  String id();

  /** Creates the store. */
  SessionStore create(Settings settings);
}
