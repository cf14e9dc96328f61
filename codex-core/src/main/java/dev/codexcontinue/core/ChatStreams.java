package dev.codexcontinue.core;

import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.core.internal.stream.BlockingChatStream;
import dev.codexcontinue.core.internal.stream.ChunkPublisher;
import dev.codexcontinue.core.internal.stream.StreamSink;
import dev.codexcontinue.core.internal.stream.StreamSource;
import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * Turns push streams (providers implement only {@link Provider#stream}) into the other two shapes:
 * a blocking {@link ChatStream} and a {@link Flow.Publisher} for reactive libraries.
 *
 * <pre>{@code
 * try (ChatStream<ChatResponse> s = ChatStreams.blocking(provider, request)) {
 *   s.forEach(chunk -> out.print(chunk.text()));
 * }
 * Flow.Publisher<ChatChunk> pub = ChatStreams.publisher(agent, AgentRequest.of("s1", "hi"));
 * }</pre>
 */
public final class ChatStreams {
  private ChatStreams() {}

  /** Streams {@code request} from {@code provider} as a blocking, closeable iterator. */
  public static ChatStream<ChatResponse> blocking(Provider provider, ChatRequest request) {
    return BlockingChatStream.start(source(provider, request));
  }

  /** Returns a cold publisher: each subscriber streams {@code request} from {@code provider}. */
  public static Flow.Publisher<ChatChunk> publisher(Provider provider, ChatRequest request) {
    return new ChunkPublisher<>(source(provider, request));
  }

  /** Returns a cold publisher: each subscriber runs one agent turn for {@code request}. */
  public static Flow.Publisher<ChatChunk> publisher(Agent agent, AgentRequest request) {
    Objects.requireNonNull(agent, "agent == null");
    Objects.requireNonNull(request, "request == null");
    return new ChunkPublisher<AgentReply>(sink -> agent.stream(request, agentListener(sink)));
  }

  private static StreamSource<ChatResponse> source(Provider provider, ChatRequest request) {
    Objects.requireNonNull(provider, "provider == null");
    Objects.requireNonNull(request, "request == null");
    return sink -> provider.stream(request, providerListener(sink));
  }

  private static StreamListener providerListener(StreamSink<ChatResponse> sink) {
    return new StreamListener() {
      @Override
      public void onChunk(ChatChunk chunk) {
        sink.onChunk(chunk);
      }

      @Override
      public void onComplete(ChatResponse response) {
        sink.onComplete(response);
      }

      @Override
      public void onError(CodexException error) {
        sink.onError(error);
      }
    };
  }

  static AgentStreamListener agentListener(StreamSink<AgentReply> sink) {
    return new AgentStreamListener() {
      @Override
      public void onChunk(ChatChunk chunk) {
        sink.onChunk(chunk);
      }

      @Override
      public void onComplete(AgentReply reply) {
        sink.onComplete(reply);
      }

      @Override
      public void onError(CodexException error) {
        sink.onError(error);
      }
    };
  }
}
