package dev.codexcontinue.examples.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.StopReason;
import dev.codexcontinue.examples.Output;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
final class StreamingExampleTest {
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
}
