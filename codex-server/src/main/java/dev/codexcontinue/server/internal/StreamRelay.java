package dev.codexcontinue.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentStreamListener;

/**
 * Relays a provider stream or an agent turn to an OpenAI SSE body. When a write fails the client is
 * gone, and the relay cancels the turn at once, which cancels the upstream model stream.
 */
final class StreamRelay extends Relay implements StreamListener, AgentStreamListener {
  private final SseStream sse;
  private final ChunkWriter writer;
  private final boolean includeUsage;
  private final Metrics metrics;

  StreamRelay(SseStream sse, ChunkWriter writer, boolean includeUsage, Metrics metrics) {
    this.sse = sse;
    this.writer = writer;
    this.includeUsage = includeUsage;
    this.metrics = metrics;
  }

  @Override
  public void onChunk(ChatChunk chunk) {
    writer.delta(chunk).ifPresent(this::write);
  }

  @Override
  public void onComplete(ChatResponse response) {
    finish(response.finishReason(), response.usage());
  }

  @Override
  public void onComplete(AgentReply reply) {
    FinishReason reason =
        reply.finishReason().equals(FinishReason.LENGTH) ? FinishReason.LENGTH : FinishReason.STOP;
    finish(reason, reply.usage());
  }

  private void finish(FinishReason reason, TokenUsage usage) {
    metrics.tokens(usage);
    write(writer.finish(reason));
    if (includeUsage) {
      write(writer.usage(usage));
    }
    if (!clientGone() && !sse.event(null, "[DONE]")) {
      clientLeft();
    }
    finished();
  }

  @Override
  public void onError(CodexException error) {
    write(Errors.of(error).toJson());
    finished();
  }

  private void write(ObjectNode chunk) {
    if (!clientGone() && !sse.data(chunk)) {
      metrics.streamCancelled();
      clientLeft();
    }
  }
}
