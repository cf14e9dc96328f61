package dev.codexcontinue.memory.redis;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.api.memory.SessionStore;
import dev.codexcontinue.api.spi.SessionStoreFactory;
import java.util.Objects;

/**
 * Creates a {@link RedisSessionStore}: id {@code redis}; settings {@value #URI} (default {@code
 * redis://localhost:6379}), {@value #KEY_PREFIX} (default {@code codex:}) and {@value #TTL} (a
 * duration, default 24 hours).
 */
public final class RedisSessionStoreFactory implements SessionStoreFactory {
  /** The factory id. */
  public static final String ID = "redis";

  /** The setting naming the server URI. */
  public static final String URI = "redis.uri";

  /** The setting naming the key prefix. */
  public static final String KEY_PREFIX = "redis.key-prefix";

  /** The setting naming the idle time-to-live of a session. */
  public static final String TTL = "redis.ttl";

  /** Creates the factory; ServiceLoader calls this. */
  public RedisSessionStoreFactory() {}

  @Override
  public String id() {
    return ID;
  }

  /**
   * Creates the store; it connects on first use.
   *
   * @throws ConfigurationException when a setting is invalid
   */
  @Override
  public SessionStore create(Settings settings) {
    Objects.requireNonNull(settings, "settings == null");
    RedisSessionStore.Builder builder = RedisSessionStore.builder();
    try {
      settings.get(URI).ifPresent(builder::uri);
      settings.get(KEY_PREFIX).ifPresent(builder::keyPrefix);
      settings.duration(TTL).ifPresent(builder::idleTtl);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("invalid redis session store setting: " + e.getMessage(), e);
    }
    return builder.build();
  }
}
