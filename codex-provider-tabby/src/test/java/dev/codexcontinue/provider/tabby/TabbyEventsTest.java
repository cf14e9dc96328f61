package dev.codexcontinue.provider.tabby;

import static dev.codexcontinue.provider.tabby.TabbyTestSupport.TOKEN;
import static dev.codexcontinue.provider.tabby.TabbyTestSupport.body;
import static dev.codexcontinue.provider.tabby.TabbyTestSupport.fixture;
import static dev.codexcontinue.provider.tabby.TabbyTestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.http.RetryPolicy;
import dev.codexcontinue.provider.tabby.TabbyTestSupport.HttpMessage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code /v1/events}: the fixture bodies, the line-acceptance query, and fire-and-forget. */
@Timeout(30)
final class TabbyEventsTest {
  private static final String ID = "cmpl-4d2f7b5a-9e0c-4a31-8f65-1b7c3e9d2a10";

  private final MockWebServer server = new MockWebServer();
  private TabbyProvider provider;

  @BeforeEach
  void start() throws Exception {
    server.start();
    provider =
        TabbyProvider.builder()
            .endpoint(server.url("/").toString())
            .token(TOKEN)
            .retryPolicy(RetryPolicy.none())
            .build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(provider.transport());
    provider.close();
    server.close();
  }

  private void accept() {
    server.enqueue(HttpMessage.read("event.response.http").toResponse());
  }

  private static void assertValidEvent(JsonNode sent) {
    assertThat(TabbyOpenApi.violations("LogEventRequest", sent.toString())).isEmpty();
  }

  @Test
  void send_view_sendsTheViewFixture() throws Exception {
    accept();

    boolean delivered =
        provider
            .events()
            .send(TabbyEvent.builder(TabbyEvent.Type.VIEW, ID, 0).viewId("view-7f3a9c2e").build())
            .get(5, TimeUnit.SECONDS);

    assertThat(delivered).isTrue();
    RecordedRequest sent = take(server);
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/events");
    assertThat(sent.getUrl().query()).isNull();
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(body(sent)).isEqualTo(fixture("event-view.request.json"));
    assertValidEvent(body(sent));
  }

  @Test
  void send_selectAndDismiss_sendTheirFixturesWithElapsedMillis() throws Exception {
    accept();
    accept();

    provider
        .events()
        .send(
            TabbyEvent.builder(TabbyEvent.Type.SELECT, ID, 0)
                .viewId("view-7f3a9c2e")
                .elapsed(Duration.ofMillis(1830))
                .build())
        .get(5, TimeUnit.SECONDS);
    provider
        .events()
        .send(
            TabbyEvent.builder(TabbyEvent.Type.DISMISS, ID, 0)
                .viewId("view-7f3a9c2e")
                .elapsed(Duration.ofMillis(4200))
                .build())
        .get(5, TimeUnit.SECONDS);

    JsonNode select = body(take(server));
    JsonNode dismiss = body(take(server));
    assertThat(select).isEqualTo(fixture("event-select.request.json"));
    assertThat(dismiss).isEqualTo(fixture("event-dismiss.request.json"));
    assertValidEvent(select);
    assertValidEvent(dismiss);
  }

  @Test
  void send_lineSelect_putsTheKindInTheQueryStringAsTheFixtureDoes() throws Exception {
    accept();

    provider
        .events()
        .send(
            TabbyEvent.builder(TabbyEvent.Type.SELECT, ID, 0)
                .viewId("view-7f3a9c2e")
                .elapsed(Duration.ofMillis(1830))
                .line(true)
                .build())
        .get(5, TimeUnit.SECONDS);

    RecordedRequest sent = take(server);
    HttpMessage expected = HttpMessage.read("event-select-line.request.http");
    String target = sent.getUrl().encodedPath() + "?" + sent.getUrl().encodedQuery();
    assertThat(sent.getMethod() + " " + target + " HTTP/1.1").isEqualTo(expected.startLine());
    assertThat(sent.getHeaders().get("Authorization"))
        .isEqualTo(expected.headers().get("authorization"));
    assertThat(body(sent)).isEqualTo(TabbyTestSupport.json(expected.body()));
  }

  @Test
  void shortcuts_sendTheMinimalEventOfEachKind() throws Exception {
    for (int i = 0; i < 4; i++) {
      accept();
    }
    TabbyEvents events = provider.events();

    assertThat(events.view(ID, 1).get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(events.select(ID, 1).get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(events.selectLine(ID, 1).get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(events.dismiss(ID, 1).get(5, TimeUnit.SECONDS)).isTrue();

    String[] types = {"view", "select", "select", "dismiss"};
    for (int i = 0; i < 4; i++) {
      RecordedRequest sent = take(server);
      JsonNode body = body(sent);
      assertThat(body.get("type").asText()).isEqualTo(types[i]);
      assertThat(body.get("completion_id").asText()).isEqualTo(ID);
      assertThat(body.get("choice_index").asInt()).isEqualTo(1);
      assertThat(body.size()).isEqualTo(3);
      assertThat(sent.getUrl().queryParameter("select_kind")).isEqualTo(i == 2 ? "line" : null);
    }
  }

  @Test
  void send_serverRejectsTheEvent_completesFalseAndNeverThrows() throws Exception {
    server.enqueue(HttpMessage.read("event-unknown-type.response.http").toResponse());
    server.enqueue(HttpMessage.read("error-401.response.http").toResponse());

    assertThat(provider.events().view(ID, 0).get(5, TimeUnit.SECONDS)).isFalse();
    assertThat(provider.events().view(ID, 0).get(5, TimeUnit.SECONDS)).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void send_serverUnreachable_completesFalse() throws Exception {
    TabbyProvider unreachable =
        TabbyProvider.builder()
            .endpoint("http://127.0.0.1:1/")
            .retryPolicy(RetryPolicy.none())
            .build();
    try {
      assertThat(unreachable.events().dismiss(ID, 0).get(5, TimeUnit.SECONDS)).isFalse();
    } finally {
      unreachable.close();
    }
  }

  @Test
  void send_slowServer_returnsBeforeTheServerAnswers() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            release.await(10, TimeUnit.SECONDS);
            return new MockResponse.Builder().code(200).build();
          }
        });

    CompletableFuture<Boolean> delivered = provider.events().view(ID, 0);

    assertThat(delivered).isNotDone();
    release.countDown();
    assertThat(delivered.get(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void builder_rejectsEventsTabbyCannotTake() {
    assertThatThrownBy(() -> TabbyEvent.builder(TabbyEvent.Type.VIEW, ID, 0).line(true).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> TabbyEvent.builder(TabbyEvent.Type.VIEW, " ", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TabbyEvent.builder(TabbyEvent.Type.VIEW, ID, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TabbyEvent.builder(null, ID, 0))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> provider.events().send(null)).isInstanceOf(NullPointerException.class);
  }
}
