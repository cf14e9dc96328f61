package dev.codexcontinue.examples.customprovider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.spi.ProviderFactory;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.discovery.Providers;
import dev.codexcontinue.examples.Output;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

final class CustomProviderExampleTest {
  @Test
  void run_discoversTheFaqProviderByIdAndAnswersThroughTheAgent() {
    Output out = new Output();
    AgentReply last = CustomProviderExample.run(Settings.empty(), out.stream());

    assertThat(out.text())
        .contains("created by id 'faq': FaqProvider")
        .contains("assistant: Run ./mvnw -B verify from the repository root")
        .contains("assistant: Releases are cut on Tuesdays");
    assertThat(last.text()).startsWith("Book leave in the HR portal");
    int words = last.text().split(" ").length;
    assertThat(out.text())
        .contains("assistant (streamed): " + last.text() + "\n  " + words + " deltas");
  }

  @Test
  void run_settingOverridesTheUnknownAnswer() {
    Settings settings = Settings.builder().put("faq.unknown-answer", "Ask Grace.").build();
    try (var faq = Providers.create("faq", settings)) {
      assertThat(((FaqProvider) faq).answer("what is the meaning of life")).isEqualTo("Ask Grace.");
    }
  }

  @Test
  void serviceFile_namesAFactoryThatServiceLoaderFindsById() throws IOException {
    assertThat(Providers.ids()).contains(FaqProvider.ID);
    assertThat(ServiceLoader.load(ProviderFactory.class).stream().map(ServiceLoader.Provider::type))
        .contains(FaqProviderFactory.class);
    // Every provider jar has such a file; one of them, ours, names the FAQ factory.
    List<String> files = new ArrayList<>();
    for (URL url :
        Collections.list(
            getClass()
                .getClassLoader()
                .getResources("META-INF/services/" + ProviderFactory.class.getName()))) {
      try (InputStream in = url.openStream()) {
        files.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(files).anyMatch(f -> f.strip().equals(FaqProviderFactory.class.getName()));
  }
}
