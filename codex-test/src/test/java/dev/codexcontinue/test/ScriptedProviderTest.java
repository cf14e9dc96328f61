package dev.codexcontinue.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.CompletionChoice;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.exception.IncompleteStreamException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

final class ScriptedProviderTest {
  @Test
  void chat_recordsEveryRequestInOrder() {
    try (ScriptedProvider p = ScriptedProvider.builder().reply("one").reply("two").build()) {
      assertThat(p.chat(ChatRequest.of("a")).text()).isEqualTo("one");
      assertThat(p.chat(ChatRequest.of("b")).text()).isEqualTo("two");
      assertThat(p.requests())
          .extracting(r -> r.messages().get(0).text())
          .containsExactly("a", "b");
      assertThat(p.lastRequest().messages().get(0).text()).isEqualTo("b");
      assertThat(p.remainingSteps()).isZero();
    }
  }

  @Test
  void chat_scriptExhausted_failsNamingTheCall() {
    try (ScriptedProvider p = ScriptedProvider.builder().reply("only").build()) {
      p.chat(ChatRequest.of("a"));
      assertThatThrownBy(() -> p.chat(ChatRequest.of("b")))
          .isInstanceOf(CodexException.class)
          .hasMessageContaining("call 2");
    }
  }

  @Test
  void repeatLast_replaysTheLastStep() {
    try (ScriptedProvider p =
        ScriptedProvider.builder().toolCall("again", "{}").repeatLast().build()) {
      for (int i = 0; i < 5; i++) {
        assertThat(p.chat(ChatRequest.of("x")).toolCalls()).hasSize(1);
      }
    }
  }

  @Test
  void respond_computesFromTheRequest() {
    try (ScriptedProvider p =
        ScriptedProvider.builder()
            .respond(r -> ChatResponseOf.text("echo " + r.messages().get(0).text()))
            .build()) {
      assertThat(p.chat(ChatRequest.of("hi")).text()).isEqualTo("echo hi");
    }
  }

  @Test
  @Timeout(5)
  void streamThenFail_deliversChunksThenOneError() throws Exception {
    try (ScriptedProvider p =
        ScriptedProvider.builder()
            .streamThenFail(
                List.of(ChatChunk.text("a"), ChatChunk.text("b")),
                new IncompleteStreamException("eof", 2, null, null))
            .build()) {
      RecordingStreamListener l = new RecordingStreamListener();
      p.stream(ChatRequest.of("x"), l);
      assertThat(l.awaitError(2, TimeUnit.SECONDS)).isInstanceOf(IncompleteStreamException.class);
      assertThat(l.text()).isEqualTo("ab");
      l.assertSettled(100, TimeUnit.MILLISECONDS);
    }
  }

  @Test
  @Timeout(5)
  void delay_appliesToTheNextStepOnly() throws Exception {
    try (ScriptedProvider p =
        ScriptedProvider.builder()
            .delay(Duration.ofMillis(200))
            .reply("late")
            .reply("now")
            .build()) {
      long start = System.nanoTime();
      p.chatAsync(ChatRequest.of("x")).get(2, TimeUnit.SECONDS);
      assertThat(System.nanoTime() - start)
          .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
      assertThat(p.chat(ChatRequest.of("y")).text()).isEqualTo("now");
    }
  }

  @Test
  void complete_returnsScriptedCompletionsAndRecords() {
    CompletionResponse answer =
        CompletionResponse.of(
            "cmpl-1", List.of(new CompletionChoice(0, "x + 1")), "m", TokenUsage.ZERO);
    try (ScriptedProvider p = ScriptedProvider.builder().completion(answer).build()) {
      CompletionRequest req = CompletionRequest.builder("return ", ";").language("java").build();
      assertThat(p.complete(req).text()).isEqualTo("x + 1");
      assertThat(p.completionRequests()).containsExactly(req);
    }
  }
}
