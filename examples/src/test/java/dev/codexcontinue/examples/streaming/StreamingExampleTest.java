package dev.codexcontinue.examples.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.StopReason;
import dev.codexcontinue.examples.LocalServers;
import dev.codexcontinue.examples.Output;
import dev.codexcontinue.http.Fixtures;
import dev.codexcontinue.http.RawBodies;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60) // a hang guard, generous for a starved machine: each run takes about a second
final class StreamingExampleTest {
  private static final String NDJSON = "application/x-ndjson";

  @Test
  void run_offline_printsEveryDeltaThenCancelsTheSecondTurnMidway() throws Exception {
    Output out = new Output();
    AgentReply reply = StreamingExample.run(Settings.empty(), out.stream());

    assertThat(reply.text()).isEqualTo(StreamingExample.ANSWER);
    assertThat(reply.stopReason()).isEqualTo(StopReason.COMPLETED);
    int pieces = (StreamingExample.ANSWER.length() + 3) / 4;
    assertThat(out.text())
        .startsWith("model: offline, a scripted model")
        .contains("assistant: " + StreamingExample.ANSWER + "\n")
        .contains("  " + pieces + " deltas, stop: COMPLETED")
        .contains("  cancelled: CancelledException")
        // The cancelled turn stored nothing: only the first turn's two messages remain.
        .contains("session memory: 2 messages");
    String cancelledLine =
        out.text()
            .lines()
            .filter(l -> l.startsWith("assistant (cancelled after"))
            .findFirst()
            .orElseThrow();
    String partial = cancelledLine.substring(cancelledLine.indexOf("): ") + 3);
    assertThat(partial)
        .hasSize(4 * StreamingExample.DELTAS_BEFORE_CANCEL)
        .isEqualTo(StreamingExample.ANSWER.substring(0, partial.length()));
  }

  @Test
  void run_ollamaConfigured_printsItsDeltasAndTheCancelClosesTheSocket() throws Exception {
    String stream =
        Fixtures.text(StreamingExampleTest.class, "streaming/ollama-chat.stream.ndjson");
    CountDownLatch closed = new CountDownLatch(1);
    try (MockWebServer ollama = new MockWebServer()) {
      ollama.enqueue(RawBodies.of(NDJSON, sink -> sink.writeUtf8(stream)));
      ollama.enqueue(
          RawBodies.of(
              NDJSON,
              sink -> {
                // Four lines (three words), then nothing but keep-alive blank lines.
                sink.writeUtf8(String.join("\n", stream.lines().limit(4).toList()) + "\n").flush();
                try {
                  for (int i = 0; i < 250; i++) {
                    RawBodies.pause(20);
                    sink.writeUtf8("\n").flush();
                  }
                } catch (IOException e) {
                  closed.countDown();
                }
              }));
      ollama.start();
      Settings settings = LocalServers.ollama(ollama, "llama3.2");
      Output out = new Output();

      AgentReply reply = StreamingExample.run(settings, out.stream());

      assertThat(reply.text()).isEqualTo("The sky appears blue because of Rayleigh scattering.");
      assertThat(out.text())
          .startsWith("model: ollama (chosen by builder)")
          .contains("assistant: The sky appears blue because of Rayleigh scattering.\n  9 deltas")
          .contains("assistant (cancelled after 3 deltas): The sky appears\n")
          .contains("  cancelled: CancelledException")
          .contains("session memory: 2 messages");
      assertThat(closed.await(1, TimeUnit.SECONDS)).as("the server saw its socket close").isTrue();
      RecordedRequest first = ollama.takeRequest(5, TimeUnit.SECONDS);
      assertThat(first).isNotNull();
      assertThat(first.getUrl().encodedPath()).isEqualTo("/api/chat");
      assertThat(first.getBody().utf8())
          .contains("\"stream\":true", "Why would I stream an answer?");
    }
  }
}
