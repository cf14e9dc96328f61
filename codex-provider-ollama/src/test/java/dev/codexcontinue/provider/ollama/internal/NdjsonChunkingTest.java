package dev.codexcontinue.provider.ollama.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.http.EventDecoder;
import dev.codexcontinue.http.Fixtures;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.http.StreamEvent;
import dev.codexcontinue.http.StreamFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RELIABILITY 35 for the Ollama stream path: the NDJSON decoder and the chat handler together give
 * the same chunks and the same ending for any split of the bytes, inside multi-byte UTF-8 and
 * between CR and LF included. Seeded, so a failure reproduces; no network, so it runs in
 * milliseconds.
 */
final class NdjsonChunkingTest {
  /** A stream with CRLF line ends, blank lines, and two-, three- and four-byte characters. */
  private static final String SYNTHETIC =
      "{\"message\":{\"role\":\"assistant\",\"content\":\"Z\u00fcrich \"},\"done\":false}\r\n"
          + "\r\n"
          + "{\"message\":{\"role\":\"assistant\",\"thinking\":\"\u0438\u0437\u0432\u0435\u0441\u0442\u043d\u0438\"},\"done\":false}\r\n"
          + "{\"message\":{\"role\":\"assistant\",\"content\":\"\u20ac \ud83d\ude00 \u2028\"},\"done\":false}\n"
          + "{\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"eval_count\":3}\r\n";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "chat.stream.ndjson",
        "chat-thinking.stream.ndjson",
        "chat-tools.stream.ndjson",
        "chat-tools-parallel.stream.ndjson",
        "generate.stream.ndjson",
        "error-midstream.stream.ndjson",
        "synthetic"
      })
  void decode_randomSplits_sameChunksAndEndingAsWhole(String fixture) {
    byte[] body =
        fixture.equals("synthetic")
            ? SYNTHETIC.getBytes(StandardCharsets.UTF_8)
            : Fixtures.bytes(NdjsonChunkingTest.class, "ollama/" + fixture);
    Outcome whole = run(body, new int[0]);
    assertThat(whole.chunks()).isNotEmpty();
    Random random = new Random(fixture.hashCode());
    for (int round = 0; round < 1500; round++) {
      int[] cuts = new int[1 + random.nextInt(12)];
      for (int i = 0; i < cuts.length; i++) {
        cuts[i] = random.nextInt(body.length + 1);
      }
      Arrays.sort(cuts);
      assertThat(run(body, cuts)).as("split at " + Arrays.toString(cuts)).isEqualTo(whole);
    }
    // Every single cut position, one at a time, too.
    for (int cut = 0; cut <= body.length; cut++) {
      assertThat(run(body, new int[] {cut})).as("split at " + cut).isEqualTo(whole);
    }
  }

  /** What a consumer saw: the chunks, and the ending (the response text or the error). */
  record Outcome(List<ChatChunk> chunks, String ending) {}

  private static Outcome run(byte[] body, int[] cuts) {
    Recorder listener = new Recorder();
    NdjsonChatHandler handler =
        new NdjsonChatHandler(
            listener,
            "ollama",
            Redactor.create(),
            assembler -> assembler.response(java.util.Map.of()));
    EventDecoder decoder = StreamFormat.NDJSON.newDecoder(1 << 20);
    boolean[] done = {false};
    String[] failure = {null};
    java.util.function.Consumer<StreamEvent> sink =
        event -> {
          if (done[0] || failure[0] != null) {
            return;
          }
          try {
            done[0] = handler.onEvent(event, decoder.eventsDecoded());
          } catch (CodexException e) {
            failure[0] = e.getClass().getSimpleName() + ": " + e.getMessage();
          }
        };
    int from = 0;
    for (int cut : cuts) {
      decoder.feed(body, from, cut - from, sink);
      from = cut;
    }
    decoder.feed(body, from, body.length - from, sink);
    decoder.finish(sink);
    if (failure[0] != null) {
      return new Outcome(listener.chunks, failure[0]);
    }
    if (!done[0]) {
      return new Outcome(listener.chunks, "incomplete");
    }
    handler.onComplete();
    ChatResponse response = listener.response;
    return new Outcome(
        listener.chunks,
        response.text() + "|" + response.reasoning().orElse("") + "|" + response.toolCalls());
  }

  private static final class Recorder implements StreamListener {
    final List<ChatChunk> chunks = new ArrayList<>();
    ChatResponse response;

    @Override
    public void onChunk(ChatChunk chunk) {
      chunks.add(chunk);
    }

    @Override
    public void onComplete(ChatResponse r) {
      response = r;
    }

    @Override
    public void onError(CodexException error) {
      throw new AssertionError("the handler reports errors by throwing from onEvent", error);
    }
  }
}
