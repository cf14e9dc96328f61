package dev.codexcontinue.plugins.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.http.HttpResult;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.plugins.net.internal.GuardedTransport;
import dev.codexcontinue.plugins.net.internal.RequestBlockedException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RELIABILITY 20 end to end: blocked URLs never reach the server, a rebinding name is caught, and
 * every redirect hop is checked again.
 */
final class GuardedTransportTest {
  private final MockWebServer server = new MockWebServer();
  private final MockWebServer other = new MockWebServer();
  private GuardedTransport http;

  @BeforeEach
  void start() throws Exception {
    server.start();
    other.start();
  }

  @AfterEach
  void stop() {
    if (http != null) {
      LeakCheck.assertNoLeaks(http.transport());
      http.close();
    }
    server.close();
    other.close();
  }

  private String local(MockWebServer s, String path) {
    return "http://127.0.0.1:" + s.getPort() + path;
  }

  private GuardedTransport transport(SsrfGuard guard) {
    http = GuardedTransport.builder("test", guard).build();
    return http;
  }

  private SsrfGuard trusting(MockWebServer... servers) {
    SsrfGuard.Builder b = SsrfGuard.builder();
    for (MockWebServer s : servers) {
      b.trustHost("127.0.0.1:" + s.getPort());
    }
    return b.build();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:PORT/",
        "http://2130706433:PORT/",
        "http://0x7f.1:PORT/",
        "http://[::ffff:127.0.0.1]:PORT/",
        "http://localhost:PORT/",
        "http://169.254.169.254/latest/meta-data/"
      })
  void execute_blockedUrl_refusedBeforeConnectAndServerSeesNothing(String template) {
    String url = template.replace("PORT", Integer.toString(server.getPort()));
    GuardedTransport t = transport(SsrfGuard.defaults());
    server.enqueue(new MockResponse.Builder().body("secret").build());

    assertThat(SsrfGuard.defaults().check(url).allowed()).isFalse();
    assertThatThrownBy(() -> t.execute(HttpCall.get(url).build()))
        .isInstanceOf(RequestBlockedException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void execute_nameResolvingToTheServer_isBlockedAndServerSeesNothing() {
    StagedResolver resolver = new StagedResolver().answer("evil.test", "127.0.0.1");
    GuardedTransport t = transport(SsrfGuard.builder().resolver(resolver).build());
    server.enqueue(new MockResponse.Builder().body("secret").build());

    assertThatThrownBy(
            () -> t.execute(HttpCall.get("http://evil.test:" + server.getPort() + "/").build()))
        .isInstanceOf(RequestBlockedException.class)
        .hasMessageContaining("loopback");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void execute_rebindingBetweenCheckAndConnect_isBlockedAtConnect() {
    StagedResolver resolver =
        new StagedResolver()
            .answer("rebind.test", "203.0.113.7")
            .answer("rebind.test", "127.0.0.1");
    GuardedTransport t = transport(SsrfGuard.builder().resolver(resolver).build());

    assertThatThrownBy(
            () -> t.execute(HttpCall.get("http://rebind.test:" + server.getPort() + "/").build()))
        .isInstanceOf(RequestBlockedException.class)
        .hasCauseInstanceOf(SsrfBlockedException.class);
    assertThat(resolver.lookups()).hasSize(2);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void execute_trustedServerRedirectsToMetadata_blockedAfterOneRequest() {
    GuardedTransport t = transport(trusting(server));
    server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .setHeader("Location", "http://169.254.169.254/latest/meta-data/")
            .build());

    assertThatThrownBy(() -> t.execute(HttpCall.get(local(server, "/start")).build()))
        .isInstanceOf(RequestBlockedException.class)
        .hasMessageContaining("169.254.169.254");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void execute_redirectToAnotherScheme_isBlocked() {
    GuardedTransport t = transport(trusting(server));
    server.enqueue(
        new MockResponse.Builder().code(301).setHeader("Location", "file:///etc/passwd").build());

    assertThatThrownBy(() -> t.execute(HttpCall.get(local(server, "/")).build()))
        .isInstanceOf(RequestBlockedException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void execute_allowedRedirect_isFollowedAndCredentialsStayWithTheirOrigin() throws Exception {
    GuardedTransport t = transport(trusting(server, other));
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/second").build());
    server.enqueue(
        new MockResponse.Builder().code(307).setHeader("Location", local(other, "/third")).build());
    other.enqueue(new MockResponse.Builder().body("arrived").build());

    GuardedTransport.Exchange exchange =
        t.exchange(
            HttpCall.get(local(server, "/first"))
                .header("Authorization", "Bearer abc")
                .header("X-Trace", "t1")
                .build());

    assertThat(exchange.result().bodyText()).isEqualTo("arrived");
    assertThat(exchange.url().toString()).isEqualTo(local(other, "/third"));
    server.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer abc");
    RecordedRequest third = other.takeRequest(5, TimeUnit.SECONDS);
    assertThat(third.getHeaders().get("Authorization")).isNull();
    assertThat(third.getHeaders().get("X-Trace")).isEqualTo("t1");
  }

  @Test
  void execute_moreThanFiveRedirects_stopsAfterSixRequests() {
    GuardedTransport t = transport(trusting(server));
    for (int i = 0; i < 7; i++) {
      server.enqueue(
          new MockResponse.Builder().code(302).setHeader("Location", "/hop" + i).build());
    }

    assertThatThrownBy(() -> t.execute(HttpCall.get(local(server, "/")).build()))
        .isInstanceOf(RequestBlockedException.class)
        .hasMessageContaining("more than 5");
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void execute_postRedirect_isNotFollowed() {
    GuardedTransport t = transport(trusting(server));
    server.enqueue(new MockResponse.Builder().code(307).setHeader("Location", "/x").build());

    assertThatThrownBy(() -> t.execute(HttpCall.post(local(server, "/")).jsonBody("{}").build()))
        .isInstanceOf(RequestBlockedException.class)
        .hasMessageContaining("only for GET and HEAD");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void execute_clientWithProxy_isDisabledAndTheProxySeesNothing() {
    OkHttpClient proxied = new OkHttpClient.Builder().proxy(server.getProxyAddress()).build();
    http = GuardedTransport.builder("test", SsrfGuard.defaults()).client(proxied).build();
    server.enqueue(new MockResponse.Builder().body("via proxy").build());

    assertThat(http.disabledReason()).hasValueSatisfying(r -> assertThat(r).contains("proxy"));
    assertThatThrownBy(() -> http.execute(HttpCall.get("http://example.test/").build()))
        .isInstanceOf(RequestBlockedException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void execute_proxyAllowed_goesThroughTheProxyButStillRefusesLiterals() throws Exception {
    OkHttpClient proxied = new OkHttpClient.Builder().proxy(server.getProxyAddress()).build();
    http =
        GuardedTransport.builder("test", SsrfGuard.builder().allowProxy(true).build())
            .client(proxied)
            .build();
    server.enqueue(new MockResponse.Builder().body("via proxy").build());

    HttpResult result = http.execute(HttpCall.get("http://example.test/page").build());

    assertThat(result.bodyText()).isEqualTo("via proxy");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget())
        .isEqualTo("http://example.test/page");
    assertThatThrownBy(() -> http.execute(HttpCall.get("http://169.254.169.254/").build()))
        .isInstanceOf(RequestBlockedException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
