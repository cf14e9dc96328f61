package dev.codexcontinue.memory.faiss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.api.memory.MemoryRecord;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.api.spi.MemoryStoreFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ServiceRegistrationTest {
  @TempDir Path dir;

  @Test
  void serviceLoader_findsFaissFactoryById() {
    MemoryStoreFactory found =
        ServiceLoader.load(MemoryStoreFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(f -> f.id().equals("faiss"))
            .findFirst()
            .orElseThrow();
    assertThat(found).isInstanceOf(FaissMemoryStoreFactory.class);
  }

  @Test
  void servicesFile_namesAClassImplementingTheSpi() throws Exception {
    String entry;
    try (InputStream in =
        getClass()
            .getResourceAsStream(
                "/META-INF/services/dev.codexcontinue.api.spi.MemoryStoreFactory")) {
      assertThat(in).isNotNull();
      entry = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    assertThat(MemoryStoreFactory.class.isAssignableFrom(Class.forName(entry))).isTrue();
  }

  @Test
  void create_settingsUnderFaissPrefix_configureTheStore() throws IOException {
    Settings settings =
        Settings.builder()
            .put("faiss.directory", dir.toString())
            .put("faiss.metric", "l2")
            .put("faiss.index", "hnsw")
            .put("faiss.hnsw.m", "8")
            .build();
    try (MemoryStore store =
        new FaissMemoryStoreFactory().create(settings, new FakeEmbeddingModel(8))) {
      store.add(MemoryRecord.builder("a", "alpha beta").build());
      assertThat(((FaissMemoryStore) store).similarity()).isEqualTo(Similarity.L2);
      assertThat(store.size()).isEqualTo(1);
    }
  }

  @Test
  void create_missingDirectoryOrBadMetric_failsWithConfigurationException() {
    FaissMemoryStoreFactory factory = new FaissMemoryStoreFactory();
    assertThatThrownBy(() -> factory.create(Settings.empty(), new FakeEmbeddingModel(8)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("faiss.directory");
    Settings bad =
        Settings.builder()
            .put("faiss.directory", dir.toString())
            .put("faiss.metric", "hamming")
            .build();
    assertThatThrownBy(() -> factory.create(bad, new FakeEmbeddingModel(8)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("hamming");
  }
}
