package dev.codexcontinue.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.Capability;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.provider.openai.OpenAiProvider;
import dev.codexcontinue.test.ScriptedProvider;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** RELIABILITY.md 27: a client that leaves mid-stream cancels the agent turn and the upstream. */
@Timeout(30)
final class DisconnectTest {
  @Test
  void stream_clientLeavesAfterTwoEvents_upstreamStreamCancelledWithinOneSecond() throws Exception {
    ScriptedProvider scripted =
        ScriptedProvider.builder()
            .reply("word ".repeat(400))
            .pieceSize(5)
            .chunkDelay(Duration.ofMillis(20))
            .build();
    CancelWatch upstream = new CancelWatch(scripted);
    try (CodexServer server =
        CodexServer.builder()
            .port(0)
            .handler(CodexHttpHandler.builder().provider(upstream))
            .build()
            .start()) {
      long closedAt = readTwoEventsAndLeave(server);
      assertThat(upstream.cancelled.await(5, TimeUnit.SECONDS)).isTrue();
      long millis = (upstream.cancelledAt - closedAt) / 1_000_000;
      assertThat(millis).isLessThan(1000);
      assertThat(server.handler().agent()).isNotNull();
    }
  }

  @Test
  void stream_clientLeavesAfterTwoEvents_realUpstreamSocketClosedWithinOneSecond()
      throws Exception {
    try (SlowUpstream upstream = new SlowUpstream();
        OpenAiProvider provider =
            OpenAiProvider.builder().baseUrl(upstream.baseUrl()).apiKey("k").model("m").build();
        CodexServer server =
            CodexServer.builder()
                .port(0)
                .handler(CodexHttpHandler.builder().provider(provider))
                .build()
                .start()) {
      long closedAt = readTwoEventsAndLeave(server);

      assertThat(upstream.closedByClient.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat((upstream.closedAt - closedAt) / 1_000_000).isLessThan(1000);
    }
  }

  /** Starts a streamed chat as a raw HTTP client, reads two events, closes; returns when. */
  private static long readTwoEventsAndLeave(CodexServer server) throws Exception {
    String body =
        "{\"model\":\"codex-agent\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}";
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:"
                  + server.port()
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.getBytes(StandardCharsets.UTF_8).length
                  + "\r\n\r\n"
                  + body)
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      int events = 0;
      String line;
      while (events < 2 && (line = in.readLine()) != null) {
        if (line.startsWith("data: {")) {
          events++;
        }
      }
      assertThat(events).isEqualTo(2);
      return System.nanoTime();
    }
  }

  /** Delegates to a provider and records when its stream is cancelled. */
  private static final class CancelWatch implements Provider {
    private final Provider delegate;
    final CountDownLatch cancelled = new CountDownLatch(1);
    volatile long cancelledAt;

    CancelWatch(Provider delegate) {
      this.delegate = delegate;
    }

    @Override
    public String id() {
      return delegate.id();
    }

    @Override
    public Set<Capability> capabilities() {
      return delegate.capabilities();
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
      return delegate.chat(request);
    }

    @Override
    public CompletableFuture<ChatResponse> chatAsync(ChatRequest request) {
      return delegate.chatAsync(request);
    }

    @Override
    public Cancellable stream(ChatRequest request, StreamListener listener) {
      Cancellable inner = delegate.stream(request, listener);
      return () -> {
        cancelledAt = System.nanoTime();
        cancelled.countDown();
        inner.cancel();
      };
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
