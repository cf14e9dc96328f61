package dev.codexcontinue.provider.tabby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.exception.AuthenticationException;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.http.RetryPolicy;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TABBY_ENDPOINT, TABBY_TOKEN and the other settings, and keeping the token secret. */
@Timeout(30)
final class ConfigurationTest {
  private static final String TOKEN = "auth_0123456789abcdef0123456789abcdef";

  @Test
  void factory_readsEndpointAndTokenFromTheEnvironment() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(TabbyTestSupport.jsonResponse("completion.response.json"));
      Settings settings =
          Settings.builder()
              .environment(
                  Map.of("TABBY_ENDPOINT", server.url("/").toString(), "TABBY_TOKEN", TOKEN))
              .build();

      try (Provider provider = new TabbyProviderFactory().create(settings)) {
        provider.complete(dev.codexcontinue.api.CompletionRequest.builder("x", "").build());
      }

      assertThat(server.takeRequest().getHeaders().get("Authorization"))
          .isEqualTo("Bearer " + TOKEN);
    }
  }

  @Test
  void builder_withoutSettings_usesTheLocalDefaultEndpointAndNoToken() {
    try (TabbyProvider provider = TabbyProvider.builder().settings(Settings.empty()).build()) {
      assertThat(provider.toString()).contains("http://localhost:8080/");
      assertThat(provider.id()).isEqualTo("tabby");
    }
  }

  @Test
  void settings_badEndpoint_isAConfigurationErrorNamingWhereItCameFrom() {
    Settings settings =
        Settings.builder().environment(Map.of("TABBY_ENDPOINT", "localhost:8080")).build();

    assertThatThrownBy(() -> TabbyProvider.builder().settings(settings))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("TABBY_ENDPOINT");
  }

  @Test
  void token_neverAppearsInToStringOrErrors() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(401).body("bad token " + TOKEN).build());
      TabbyProvider.Builder builder =
          TabbyProvider.builder()
              .endpoint(server.url("/").toString())
              .token(TOKEN)
              .retryPolicy(RetryPolicy.none());
      assertThat(builder.toString()).doesNotContain(TOKEN);
      try (TabbyProvider provider = builder.build()) {
        assertThatThrownBy(
                () ->
                    provider.complete(
                        dev.codexcontinue.api.CompletionRequest.builder("x", "").build()))
            .isInstanceOf(AuthenticationException.class)
            .hasMessageNotContaining(TOKEN);
      }
    }
  }

  @Test
  void builder_rejectsBadArguments() {
    assertThatThrownBy(() -> TabbyProvider.builder().endpoint("not a url"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TabbyProvider.builder().endpoint(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> TabbyProvider.builder().token((String) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> TabbyProvider.builder().settings(null))
        .isInstanceOf(NullPointerException.class);
  }
}
