package dev.codexcontinue.core.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.api.memory.SessionStore;
import dev.codexcontinue.api.spi.MemoryStoreFactory;
import dev.codexcontinue.api.spi.SessionStoreFactory;
import dev.codexcontinue.core.memory.HashingEmbeddingModel;
import dev.codexcontinue.core.memory.InMemoryMemoryStore;
import dev.codexcontinue.core.memory.InMemorySessionStore;
import dev.codexcontinue.core.memory.JsonlSessionStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory factories are found by id through ServiceLoader and their entries are sound. */
final class ServiceRegistrationTest {
  private static <F> Optional<F> find(
      Class<F> spi, java.util.function.Function<F, String> id, String wanted) {
    return ServiceLoader.load(spi).stream()
        .map(ServiceLoader.Provider::get)
        .filter(f -> id.apply(f).equals(wanted))
        .findFirst();
  }

  private static List<String> entries(Class<?> spi) throws IOException {
    try (InputStream in =
        ServiceRegistrationTest.class.getResourceAsStream("/META-INF/services/" + spi.getName())) {
      assertThat(in).as("services file of " + spi.getSimpleName()).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    }
  }

  @Test
  void servicesEntries_nameClassesImplementingTheSpi() throws Exception {
    for (Class<?> spi : List.of(SessionStoreFactory.class, MemoryStoreFactory.class)) {
      List<String> names = entries(spi);
      assertThat(names).isNotEmpty();
      for (String name : names) {
        Class<?> type = Class.forName(name);
        assertThat(spi.isAssignableFrom(type))
            .as(name + " implements " + spi.getSimpleName())
            .isTrue();
        assertThat(type.getConstructor().newInstance()).isInstanceOf(spi);
      }
    }
  }

  @Test
  void inMemorySessionStore_foundById() {
    SessionStoreFactory factory =
        find(SessionStoreFactory.class, SessionStoreFactory::id, "in-memory").orElseThrow();

    try (SessionStore store = factory.create(Settings.empty())) {
      assertThat(store).isInstanceOf(InMemorySessionStore.class);
    }
  }

  @Test
  void jsonlSessionStore_foundByIdAndOpensSetDirectory(@TempDir Path dir) {
    SessionStoreFactory factory =
        find(SessionStoreFactory.class, SessionStoreFactory::id, "jsonl").orElseThrow();
    Settings settings = Settings.builder().put("session.directory", dir.toString()).build();
    SessionKey key = SessionKey.of("ada", "s1");

    try (SessionStore store = factory.create(settings)) {
      assertThat(store).isInstanceOf(JsonlSessionStore.class);
      store.append(key, List.of(ChatMessage.user("hi")));
    }
    try (JsonlSessionStore store = JsonlSessionStore.open(dir)) {
      assertThat(store.load(key)).containsExactly(ChatMessage.user("hi"));
    }
  }

  @Test
  void jsonlSessionStore_withoutDirectory_failsNamingTheSetting() {
    SessionStoreFactory factory = new JsonlSessionStoreFactory();

    assertThatThrownBy(() -> factory.create(Settings.empty()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("session.directory");
  }

  @Test
  void inMemoryMemoryStore_foundById() {
    MemoryStoreFactory factory =
        find(MemoryStoreFactory.class, MemoryStoreFactory::id, "in-memory").orElseThrow();

    try (MemoryStore store = factory.create(Settings.empty(), HashingEmbeddingModel.create(32))) {
      assertThat(store).isInstanceOf(InMemoryMemoryStore.class);
      assertThat(((InMemoryMemoryStore) store).dimensions()).isEqualTo(32);
    }
  }
}
