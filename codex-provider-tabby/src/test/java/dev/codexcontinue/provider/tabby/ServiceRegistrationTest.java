package dev.codexcontinue.provider.tabby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.spi.ProviderFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

final class ServiceRegistrationTest {
  @Test
  void serviceLoader_findsTheFactoryById() {
    List<String> ids =
        ServiceLoader.load(ProviderFactory.class).stream().map(p -> p.get().id()).toList();

    assertThat(ids).contains("tabby");
  }

  @Test
  void servicesFile_namesAClassThatImplementsTheSpi() throws Exception {
    try (InputStream in =
        getClass()
            .getResourceAsStream("/META-INF/services/dev.codexcontinue.api.spi.ProviderFactory")) {
      assertThat(in).isNotNull();
      List<String> lines =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.isBlank())
              .toList();
      assertThat(lines).containsExactly(TabbyProviderFactory.class.getName());
      assertThat(ProviderFactory.class.isAssignableFrom(Class.forName(lines.get(0)))).isTrue();
    }
  }
}
