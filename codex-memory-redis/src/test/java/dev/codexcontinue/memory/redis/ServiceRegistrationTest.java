package dev.codexcontinue.memory.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.api.memory.SessionStore;
import dev.codexcontinue.api.spi.SessionStoreFactory;
import java.util.List;
import java.util.ServiceLoader;
import java.util.UUID;
import org.junit.jupiter.api.Test;

final class ServiceRegistrationTest {
  @Test
  void serviceLoader_findsRedisFactoryById() {
    SessionStoreFactory found =
        ServiceLoader.load(SessionStoreFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(f -> f.id().equals("redis"))
            .findFirst()
            .orElseThrow();
    assertThat(found).isInstanceOf(RedisSessionStoreFactory.class);
  }

  @Test
  void create_settings_configureTheStore() {
    Settings settings =
        Settings.builder()
            .put("redis.uri", RedisServers.uri())
            .put("redis.key-prefix", "factory-" + UUID.randomUUID() + ":")
            .put("redis.ttl", "PT1H")
            .build();
    try (SessionStore store = new RedisSessionStoreFactory().create(settings)) {
      store.append(SessionKey.of("u", "s"), List.of(ChatMessage.user("hi")));
      assertThat(store.keys()).containsExactly(SessionKey.of("u", "s"));
    }
  }

  @Test
  void create_badUri_failsWithConfigurationException() {
    Settings bad = Settings.builder().put("redis.uri", "http://localhost").build();
    assertThatThrownBy(() -> new RedisSessionStoreFactory().create(bad))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("redis://");
  }
}
