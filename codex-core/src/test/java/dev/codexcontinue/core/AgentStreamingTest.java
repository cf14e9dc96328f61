package dev.codexcontinue.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.exception.IncompleteStreamException;
import dev.codexcontinue.api.exception.StreamInterruptedException;
import dev.codexcontinue.api.exception.StreamTimeoutException;
import dev.codexcontinue.test.ScriptedProvider;
import dev.codexcontinue.test.ScriptedProviderBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The streaming faces of the agent, and RELIABILITY 12 at agent level. */
final class AgentStreamingTest {
  enum Ending {
    NORMAL,
    EOF_WITHOUT_TERMINATOR,
    DISCONNECT,
    STALL_PAST_IDLE_TIMEOUT,
    CONSUMER_CANCELS,
    CONSUMER_THROWS
  }

  /** Records what an agent stream delivers; counts terminal calls. */
  static final class Recorder implements AgentStreamListener {
    final List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
    final AtomicInteger terminals = new AtomicInteger();
    final CountDownLatch ended = new CountDownLatch(1);
    volatile CodexException error;
    volatile AgentReply reply;
    volatile Consumer<ChatChunk> onEachChunk = c -> {};

    @Override
    public void onChunk(ChatChunk chunk) {
      chunks.add(chunk);
      onEachChunk.accept(chunk);
    }

    @Override
    public void onComplete(AgentReply r) {
      reply = r;
      terminals.incrementAndGet();
      ended.countDown();
    }

    @Override
    public void onError(CodexException e) {
      error = e;
      terminals.incrementAndGet();
      ended.countDown();
    }
  }

  private static List<ChatChunk> twoChunks() {
    return List.of(ChatChunk.text("par"), ChatChunk.text("tial"));
  }

  private static ScriptedProviderBuilder script(Ending ending) {
    ScriptedProviderBuilder b = ScriptedProvider.builder().pieceSize(2);
    return switch (ending) {
      case NORMAL -> b.reply("a full answer");
      case EOF_WITHOUT_TERMINATOR ->
          b.streamThenFail(twoChunks(), new IncompleteStreamException("eof", 2, null, null));
      case DISCONNECT ->
          b.streamThenFail(twoChunks(), new StreamInterruptedException("reset", 2, null, null));
      case STALL_PAST_IDLE_TIMEOUT ->
          b.streamThenFail(twoChunks(), new StreamTimeoutException("idle", 2, null, null));
      case CONSUMER_CANCELS, CONSUMER_THROWS ->
          b.chunkDelay(Duration.ofMillis(20)).stall(twoChunks());
    };
  }

  @ParameterizedTest
  @EnumSource(Ending.class)
  @Timeout(30)
  void everyEnding_deliversExactlyOneTerminalSignal(Ending ending) throws Exception {
    try (ScriptedProvider model = script(ending).build();
        Agent agent = Agent.builder().provider(model).build()) {
      Recorder recorder = new Recorder();
      if (ending == Ending.CONSUMER_THROWS) {
        recorder.onEachChunk =
            c -> {
              throw new IllegalStateException("consumer bug");
            };
      }
      Cancellable handle = agent.stream(AgentRequest.of("s", "hello"), recorder);
      if (ending == Ending.CONSUMER_CANCELS) {
        while (recorder.chunks.isEmpty()) {
          Thread.onSpinWait();
        }
        handle.cancel();
      }
      assertThat(recorder.ended.await(5, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(200);
      assertThat(recorder.terminals.get()).isEqualTo(1);
      switch (ending) {
        case NORMAL -> assertThat(recorder.reply.text()).isEqualTo("a full answer");
        case EOF_WITHOUT_TERMINATOR ->
            assertThat(recorder.error).isInstanceOf(IncompleteStreamException.class);
        case DISCONNECT ->
            assertThat(recorder.error).isInstanceOf(StreamInterruptedException.class);
        case STALL_PAST_IDLE_TIMEOUT ->
            assertThat(recorder.error).isInstanceOf(StreamTimeoutException.class);
        case CONSUMER_CANCELS -> assertThat(recorder.error).isInstanceOf(CancelledException.class);
        case CONSUMER_THROWS -> assertThat(recorder.error).hasRootCauseMessage("consumer bug");
      }
    }
  }

  @Test
  @Timeout(30)
  void stream_forwardsTextAndToolOutcomesInOrder() throws Exception {
    TestTools.Recording tool = TestTools.recording("lookup", "42");
    try (ScriptedProvider model =
            ScriptedProvider.builder()
                .toolCall("lookup", "{\"q\":\"x\"}")
                .reply("The answer is 42")
                .build();
        Agent agent = Agent.builder().provider(model).addTool(tool.tool).build()) {
      Recorder recorder = new Recorder();
      agent.stream(AgentRequest.of("s", "answer?"), recorder);
      assertThat(recorder.ended.await(5, TimeUnit.SECONDS)).isTrue();
      List<String> kinds = new ArrayList<>();
      for (ChatChunk c : recorder.chunks) {
        kinds.add(c.getClass().getSimpleName());
      }
      int outcome = kinds.indexOf("ToolOutcome");
      assertThat(outcome).isPositive();
      assertThat(kinds.subList(outcome, kinds.size())).contains("TextDelta");
      assertThat(recorder.reply.text()).isEqualTo("The answer is 42");
      assertThat(recorder.chunks.stream().map(ChatChunk::text).reduce("", String::concat))
          .isEqualTo("The answer is 42");
    }
  }

  @Test
  @Timeout(30)
  void blockingStream_iteratesThenReturnsReply() {
    try (ScriptedProvider model = ScriptedProvider.builder().reply("iterated text").build();
        Agent agent = Agent.builder().provider(model).build();
        ChatStream<AgentReply> stream = agent.stream(AgentRequest.of("s", "hi"))) {
      StringBuilder text = new StringBuilder();
      stream.forEach(c -> text.append(c.text()));
      assertThat(text).hasToString("iterated text");
      assertThat(stream.result().text()).isEqualTo("iterated text");
    }
  }

  @Test
  @Timeout(30)
  void blockingStream_failureIsThrownFromTheIterator() {
    try (ScriptedProvider model =
            ScriptedProvider.builder()
                .streamThenFail(twoChunks(), new IncompleteStreamException("eof", 2, null, null))
                .build();
        Agent agent = Agent.builder().provider(model).build();
        ChatStream<AgentReply> stream = agent.stream(AgentRequest.of("s", "hi"))) {
      List<String> seen = new ArrayList<>();
      assertThatThrownBy(() -> stream.forEach(c -> seen.add(c.text())))
          .isInstanceOf(IncompleteStreamException.class);
      assertThat(seen).containsExactly("par", "tial");
    }
  }

  @Test
  @Timeout(30)
  void blockingStream_closeCancelsTheTurn() {
    try (ScriptedProvider model = ScriptedProvider.builder().stall(twoChunks()).build();
        Agent agent = Agent.builder().provider(model).build()) {
      ChatStream<AgentReply> stream = agent.stream(AgentRequest.of("s", "hi"));
      var it = stream.iterator();
      assertThat(it.next().text()).isEqualTo("par");
      stream.close();
      assertThat(it.hasNext()).isFalse();
      assertThatThrownBy(stream::result).isInstanceOf(CancelledException.class);
    }
  }

  @Test
  @Timeout(30)
  void publisher_respectsDemandAndCompletes() throws Exception {
    try (ScriptedProvider model = ScriptedProvider.builder().pieceSize(1).reply("abcdef").build();
        Agent agent = Agent.builder().provider(model).build()) {
      List<String> got = new CopyOnWriteArrayList<>();
      CountDownLatch done = new CountDownLatch(1);
      AtomicInteger completions = new AtomicInteger();
      Flow.Subscription[] sub = new Flow.Subscription[1];
      ChatStreams.publisher(agent, AgentRequest.of("s", "hi"))
          .subscribe(
              new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {
                  sub[0] = s;
                  s.request(2);
                }

                @Override
                public void onNext(ChatChunk item) {
                  got.add(item.text());
                }

                @Override
                public void onError(Throwable t) {
                  done.countDown();
                }

                @Override
                public void onComplete() {
                  completions.incrementAndGet();
                  done.countDown();
                }
              });
      Thread.sleep(300);
      assertThat(got).hasSize(2);
      sub[0].request(Long.MAX_VALUE);
      assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(String.join("", got)).isEqualTo("abcdef");
      assertThat(completions.get()).isEqualTo(1);
    }
  }

  @Test
  @Timeout(30)
  void chatAsync_cancel_stopsTheModelCallAndStoresNothing() throws Exception {
    try (ScriptedProvider model =
            ScriptedProvider.builder().delay(Duration.ofSeconds(30)).reply("never").build();
        Agent agent = Agent.builder().provider(model).build()) {
      AgentRequest request = AgentRequest.of("s", "slow question");
      CompletableFuture<AgentReply> future = agent.chatAsync(request);
      while (model.requests().isEmpty()) {
        Thread.onSpinWait();
      }
      assertThat(future.cancel(true)).isTrue();
      assertThatThrownBy(() -> future.get(1, TimeUnit.SECONDS))
          .isInstanceOf(java.util.concurrent.CancellationException.class);
      Thread.sleep(200);
      assertThat(agent.history(request.session())).isEmpty();
    }
  }

  @Test
  @Timeout(30)
  void chatAsync_providerFailure_completesExceptionallyWithTheSameType() {
    try (ScriptedProvider model =
            ScriptedProvider.builder()
                .fail(new IncompleteStreamException("eof", 0, null, null))
                .build();
        Agent agent = Agent.builder().provider(model).build()) {
      assertThatThrownBy(() -> agent.chatAsync(AgentRequest.of("s", "x")).get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(IncompleteStreamException.class);
    }
  }
}
