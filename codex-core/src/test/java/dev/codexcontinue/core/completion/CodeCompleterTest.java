package dev.codexcontinue.core.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.InvalidRequestException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
final class CodeCompleterTest {
  private static final String DOC =
      "def fib(n):\n    ▮\n    return fib(n - 1) + fib(n - 2)\n\n\ndef main():\n";
  private static final String RAW =
      "if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n";
  private static final String TRIMMED = "if n < 2:\n        return n";

  private final FakeCompletionProvider provider = new FakeCompletionProvider();
  private final ManualScheduler scheduler = new ManualScheduler();
  private final CodeCompleter completer =
      CodeCompleter.builder(provider).scheduler(scheduler).debounce(Duration.ofMillis(100)).build();

  @AfterEach
  void close() {
    completer.close();
  }

  private static EditorContext at(String marked) {
    return Documents.at(marked).language("python").filePath("fib.py").build();
  }

  @Test
  void complete_rapidKeystrokes_askOnceAfterThePause_withTheLastContext() {
    CompletableFuture<CompletionResponse> first = completer.complete(at("def f▮"));
    scheduler.advance(Duration.ofMillis(50));
    CompletableFuture<CompletionResponse> second = completer.complete(at("def fi▮"));
    scheduler.advance(Duration.ofMillis(50));
    CompletableFuture<CompletionResponse> third = completer.complete(at("def fib▮"));
    scheduler.advance(Duration.ofMillis(99));

    assertThat(provider.calls).isEmpty();
    assertThat(first).isCancelled();
    assertThat(second).isCancelled();

    scheduler.advance(Duration.ofMillis(1));

    assertThat(provider.calls).hasSize(1);
    assertThat(provider.last().request().prefix()).isEqualTo("def fib");
    assertThat(third).isNotDone();
  }

  @Test
  void complete_answer_isTrimmedAndCached() throws Exception {
    CompletableFuture<CompletionResponse> result = completer.complete(at(DOC));
    scheduler.advance(Duration.ofMillis(100));
    provider.last().answer(RAW);

    assertThat(result.get(5, TimeUnit.SECONDS).text()).isEqualTo(TRIMMED);
    assertThat(provider.last().request().language()).contains("python");

    CompletableFuture<CompletionResponse> again = completer.complete(at(DOC));

    assertThat(again).isCompleted();
    assertThat(again.get().text()).isEqualTo(TRIMMED);
    assertThat(provider.calls).hasSize(1);
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void complete_userTypesTheShownAnswer_getsTheRestWithoutACall() throws Exception {
    CompletableFuture<CompletionResponse> result = completer.complete(at(DOC));
    scheduler.advance(Duration.ofMillis(100));
    provider.last().answer(RAW);
    result.get(5, TimeUnit.SECONDS);

    CompletableFuture<CompletionResponse> typed = completer.complete(at(DOC.replace("▮", "if▮")));

    assertThat(typed).isCompleted();
    assertThat(typed.get().text()).isEqualTo(" n < 2:\n        return n");
    assertThat(typed.get().choices().get(0).index()).isZero();
    assertThat(provider.calls).hasSize(1);

    CompletableFuture<CompletionResponse> other = completer.complete(at(DOC.replace("▮", "x▮")));
    assertThat(other).isNotDone();
  }

  @Test
  void complete_newKeystrokeWhileInFlight_cancelsTheCallOfTheSupersededOne() {
    CompletableFuture<CompletionResponse> first = completer.complete(at(DOC));
    scheduler.advance(Duration.ofMillis(100));
    FakeCompletionProvider.Call inFlight = provider.last();

    CompletableFuture<CompletionResponse> second = completer.complete(at(DOC.replace("▮", "i▮")));

    assertThat(inFlight.future()).isCancelled();
    assertThat(first).isCancelled();
    assertThat(second).isNotDone();
    assertThatThrownBy(() -> first.get(1, TimeUnit.SECONDS))
        .isInstanceOf(CancellationException.class);
  }

  @Test
  void complete_callerCancelsTheFuture_cancelsTheCall() {
    CompletableFuture<CompletionResponse> result = completer.complete(at(DOC));
    scheduler.advance(Duration.ofMillis(100));

    result.cancel(true);

    assertThat(provider.last().future()).isCancelled();
  }

  @Test
  void cancel_beforeThePause_sendsNothing() {
    CompletableFuture<CompletionResponse> result = completer.complete(at(DOC));
    completer.cancel();
    scheduler.advance(Duration.ofSeconds(1));

    assertThat(result).isCancelled();
    assertThat(provider.calls).isEmpty();
  }

  @Test
  void complete_providerFails_failsTheFutureWithTheSameException() {
    CompletableFuture<CompletionResponse> result = completer.complete(at(DOC));
    scheduler.advance(Duration.ofMillis(100));
    InvalidRequestException failure =
        new InvalidRequestException("bad", ErrorDetails.of("fake"), null);
    provider.last().future().completeExceptionally(failure);

    assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isSameAs(failure);
  }

  @Test
  void complete_zeroDebounce_asksAtOnce() throws Exception {
    try (CodeCompleter eager = CodeCompleter.builder(provider).debounce(Duration.ZERO).build()) {
      CompletableFuture<CompletionResponse> result = eager.complete(at(DOC));

      assertThat(provider.calls).hasSize(1);
      provider.last().answer(RAW);
      assertThat(result.get(5, TimeUnit.SECONDS).text()).isEqualTo(TRIMMED);
    }
  }

  @Test
  void close_cancelsThePendingCall_rejectsNewOnes_andLeavesABorrowedSchedulerRunning() {
    CompletableFuture<CompletionResponse> result = completer.complete(at(DOC));
    scheduler.advance(Duration.ofMillis(100));

    completer.close();

    assertThat(result).isCancelled();
    assertThat(provider.last().future()).isCancelled();
    assertThat(scheduler.isShutdown()).isFalse();
    assertThatThrownBy(() -> completer.complete(at(DOC))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void builder_rejectsBadArguments() {
    assertThatThrownBy(() -> CodeCompleter.builder(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CodeCompleter.builder(provider).debounce(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> completer.complete(null)).isInstanceOf(NullPointerException.class);
  }
}
