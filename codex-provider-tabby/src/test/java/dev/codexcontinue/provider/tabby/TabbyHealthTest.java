package dev.codexcontinue.provider.tabby;

import static dev.codexcontinue.provider.tabby.TabbyTestSupport.TOKEN;
import static dev.codexcontinue.provider.tabby.TabbyTestSupport.jsonResponse;
import static dev.codexcontinue.provider.tabby.TabbyTestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.http.LeakCheck;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code GET /v1/health} in the v0.17 shape and in the current one. */
@Timeout(30)
final class TabbyHealthTest {
  private final MockWebServer server = new MockWebServer();
  private TabbyProvider provider;

  @BeforeEach
  void start() throws Exception {
    server.start();
    provider = TabbyProvider.builder().endpoint(server.url("/").toString()).token(TOKEN).build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(provider.transport());
    provider.close();
    server.close();
  }

  @Test
  void health_currentShape_readsLocalAndRemoteModels() {
    server.enqueue(jsonResponse("health-current-source-shape.response.json"));

    TabbyServerInfo info = provider.health();

    TabbyModel completion = info.completionModel().orElseThrow();
    assertThat(completion.location()).isEqualTo(TabbyModel.Location.LOCAL);
    assertThat(completion.name()).contains("TabbyML/StarCoder-1B");
    assertThat(completion.device()).contains("cuda");
    assertThat(completion.cudaDevices()).containsExactly("NVIDIA A10G");
    TabbyModel chat = info.chatModel().orElseThrow();
    assertThat(chat.location()).isEqualTo(TabbyModel.Location.REMOTE);
    assertThat(chat.kind()).contains("openai/chat");
    assertThat(chat.name()).contains("gpt-4o-mini");
    assertThat(chat.apiEndpoint()).contains("https://api.openai.com/v1");
    assertThat(chat.device()).isEmpty();
    TabbyModel embedding = info.embeddingModel().orElseThrow();
    assertThat(embedding.name()).contains("Nomic-Embed-Text");
    assertThat(embedding.cudaDevices()).isEmpty();
    assertThat(info.hasChat()).isTrue();
    assertThat(info.version().orElseThrow().gitDescribe()).isEqualTo("v0.33.0-dev.0");
    assertThat(info.cpuCount()).isEqualTo(16);
    assertThat(info.webserver()).contains(true);
    RecordedRequest sent = take(server);
    assertThat(sent.getMethod()).isEqualTo("GET");
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/health");
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void healthAsync_v017Shape_readsTheFlatFieldsAsLocalModels() throws Exception {
    server.enqueue(jsonResponse("health-v0.17-spec-shape.response.json"));

    TabbyServerInfo info = provider.healthAsync().get(5, TimeUnit.SECONDS);

    TabbyModel completion = info.completionModel().orElseThrow();
    assertThat(completion.location()).isEqualTo(TabbyModel.Location.LOCAL);
    assertThat(completion.name()).contains("TabbyML/StarCoder-1B");
    assertThat(completion.device()).contains("cuda");
    assertThat(completion.cudaDevices()).containsExactly("NVIDIA A10G");
    TabbyModel chat = info.chatModel().orElseThrow();
    assertThat(chat.name()).contains("TabbyML/Qwen2-1.5B-Instruct");
    assertThat(chat.device()).contains("cuda");
    assertThat(info.embeddingModel()).isEmpty();
    assertThat(info.device()).isEqualTo("cuda");
    assertThat(info.arch()).isEqualTo("x86_64");
    assertThat(info.cpuInfo()).isEqualTo("AMD EPYC 7763 64-Core Processor");
    assertThat(info.cudaDevices()).isEqualTo(List.of("NVIDIA A10G"));
    assertThat(info.version())
        .contains(
            new TabbyServerInfo.Version(
                "2024-09-19",
                "2024-09-19T04:12:54.000000000Z",
                "7ae86f1b403e8610406a28a40211bb5fe33e20b7",
                "v0.17.0"));
  }

  @Test
  void health_serverWithoutModels_reportsNone() {
    server.enqueue(
        new mockwebserver3.MockResponse.Builder()
            .body(
                "{\"device\":\"cpu\",\"arch\":\"aarch64\",\"cpu_info\":\"M2\",\"cpu_count\":8,"
                    + "\"cuda_devices\":[]}")
            .build());

    TabbyServerInfo info = provider.health();

    assertThat(info.completionModel()).isEmpty();
    assertThat(info.hasChat()).isFalse();
    assertThat(info.version()).isEmpty();
    assertThat(info.webserver()).isEmpty();
  }
}
