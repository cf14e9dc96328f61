package dev.codexcontinue.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RELIABILITY 10: the WHATWG rules, as a table of cases (openai-java SseHandlerTest, openai-python
 * test_streaming.py, and the shared parser vectors), each fed whole, in 1-byte chunks, and
 * throttled to one byte at a time through a real socket. All three give identical events.
 */
@Timeout(30)
final class SseConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockWebServer server = new MockWebServer();
  private HttpTransport transport;

  enum Feed {
    WHOLE,
    CHUNKED_1_BYTE,
    THROTTLED_1_BYTE
  }

  record Expected(String type, String data, String id) {}

  @BeforeEach
  void start() throws Exception {
    server.start();
    transport = HttpTransport.builder("test").retryPolicy(RetryPolicy.none()).build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(transport);
    transport.close();
    server.close();
  }

  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    for (Object[] c : table()) {
      for (Feed feed : Feed.values()) {
        all.add(Arguments.of(c[0], c[1], c[2], feed));
      }
    }
    return all.stream();
  }

  private static List<Object[]> table() {
    return List.of(
        c(
            "event and data",
            "event: completion\ndata: {\"foo\":true}\n\n",
            e("completion", "{\"foo\":true}")),
        c("data without event", "data: {\"foo\":true}\n\n", e("message", "{\"foo\":true}")),
        c(
            "two events",
            "event: completion\ndata: {\"foo\":true}\n\nevent: completion\ndata: {\"bar\":false}\n\n",
            e("completion", "{\"foo\":true}"),
            e("completion", "{\"bar\":false}")),
        c(
            "event type resets after dispatch",
            "event: ping\ndata: {\"foo\":true}\n\ndata: {\"bar\":false}\n\n",
            e("ping", "{\"foo\":true}"),
            e("message", "{\"bar\":false}")),
        c(
            "multi-line data with empty lines",
            "event: ping\ndata: {\ndata: \"foo\":\ndata: \ndata:\ndata: true}\n\n",
            e("ping", "{\n\"foo\":\n\n\ntrue}")),
        c(
            "escaped newlines in JSON",
            "event: ping\ndata: {\"foo\": \"my long\\n\\ncontent\"}\n\n",
            e("ping", "{\"foo\": \"my long\\n\\ncontent\"}")),
        c(
            "multiple data lines",
            "event: ping\ndata: {\ndata: \"foo\":\ndata: true}\n\n",
            e("ping", "{\n\"foo\":\ntrue}")),
        c(
            "U+2028 inside JSON is no line break",
            "data: {\"content\":\" culpa\"}\n\ndata: {\"content\":\" \u2028\"}\n\ndata: {\"content\":\"foo\"}\n\n",
            e("message", "{\"content\":\" culpa\"}"),
            e("message", "{\"content\":\" \u2028\"}"),
            e("message", "{\"content\":\"foo\"}")),
        c(
            "Cyrillic split across chunks",
            "data: {\"content\":\"известни\"}\n\n",
            e("message", "{\"content\":\"известни\"}")),
        c("CRLF line ends", "data: a\r\ndata: b\r\n\r\n", e("message", "a\nb")),
        c(
            "lone CR line ends",
            "data: a\rdata: b\r\rdata: c\r\r",
            e("message", "a\nb"),
            e("message", "c")),
        c("mixed line ends", "data: a\r\ndata: b\rdata: c\n\n", e("message", "a\nb\nc")),
        c("comments ignored", ": keep-alive\n\n:\ndata: x\n\n", e("message", "x")),
        c("BOM dropped", "\uFEFFdata: x\n\n", e("message", "x")),
        c("BOM only at start", "data: a\n\n\uFEFFdata: b\n\n", e("message", "a")),
        c(
            "id persists",
            "id: 7\ndata: a\n\ndata: b\n\n",
            ei("message", "a", "7"),
            ei("message", "b", "7")),
        c(
            "id with NUL ignored",
            "id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n",
            ei("message", "a", "1"),
            ei("message", "b", "1")),
        c("block without data not dispatched", "event: ping\n\ndata: a\n\n", e("message", "a")),
        c("no space after colon", "data:x\n\n", e("message", "x")),
        c("only one space stripped", "data:  x\n\n", e("message", " x")),
        c("field without colon", "data\n\n", e("message", "")),
        c("unknown field ignored", "foo: bar\ndata: a\n\n", e("message", "a")),
        c("open event at EOF discarded", "data: a\n\ndata: b", e("message", "a")),
        c("empty data line", "data:\n\n", e("message", "")),
        c(
            "done after data",
            "data: {\"a\":1}\n\ndata: [DONE]\n\n",
            e("message", "{\"a\":1}"),
            e("message", "[DONE]")));
  }

  @ParameterizedTest(name = "{0} / {3}")
  @MethodSource("cases")
  void stream_whatwgCase_givesSameEventsHoweverFed(
      String name, String body, List<Expected> expected, Feed feed) {
    server.enqueue(response(body, feed));

    RecordingHandler handler = RecordingHandler.untilEof();
    transport.stream(call(), StreamFormat.SSE, handler);

    handler.await();
    assertThat(handler.completions()).isEqualTo(1);
    assertThat(handler.events())
        .extracting(ev -> new Expected(ev.type(), ev.data(), ev.id()))
        .containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"lf", "crlf", "cr"})
  void stream_sharedParserVectors_matchExpectedJson(String ending) throws Exception {
    String body = Fixtures.text(getClass(), "sse/parser-vectors." + ending + ".sse");
    JsonNode expected =
        JSON.readTree(Fixtures.text(getClass(), "sse/parser-vectors.expected.json"));
    for (Feed feed : Feed.values()) {
      server.enqueue(response(body, feed));
      RecordingHandler handler = RecordingHandler.untilEof();
      transport.stream(call(), StreamFormat.SSE, handler);
      handler.await();

      List<StreamEvent> events = handler.events();
      assertThat(events).as(feed.name()).hasSize(expected.get("events").size());
      for (int i = 0; i < events.size(); i++) {
        JsonNode want = expected.get("events").get(i);
        assertThat(events.get(i).type()).isEqualTo(want.get("event").asText());
        assertThat(events.get(i).data()).isEqualTo(want.get("data").asText());
        assertThat(events.get(i).id()).isEqualTo(want.get("id").asText());
        if (want.has("json")) {
          assertThat(JSON.readTree(events.get(i).data())).isEqualTo(want.get("json"));
        }
      }
      assertThat(events.get(0).reconnectMillis())
          .isEqualTo(expected.get("events").get(0).get("reconnection_time_ms_after").asLong());
    }
  }

  private HttpCall call() {
    return HttpCall.get(server.url("/events").toString()).operation("sse-test").build();
  }

  static MockResponse response(String body, Feed feed) {
    MockResponse.Builder b =
        new MockResponse.Builder().setHeader("Content-Type", "text/event-stream");
    return switch (feed) {
      case WHOLE -> b.body(body).build();
      case CHUNKED_1_BYTE -> b.chunkedBody(body, 1).build();
      case THROTTLED_1_BYTE -> b.body(body).throttleBody(1, 1, TimeUnit.MILLISECONDS).build();
    };
  }

  private static Object[] c(String name, String body, Expected... events) {
    return new Object[] {name, body, List.of(events)};
  }

  private static Expected e(String type, String data) {
    return new Expected(type, data, "");
  }

  private static Expected ei(String type, String data, String id) {
    return new Expected(type, data, id);
  }
}
