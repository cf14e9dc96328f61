package dev.codexcontinue.cli.agents;

import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.ChatStream;
import java.util.Objects;

/** Runs agent turns as streams, handing the pieces to a {@link TurnListener}. */
public final class AgentTurns {
  private AgentTurns() {}

  /**
   * Streams one turn of {@code agent} and returns its reply once the turn ends.
   *
   * @throws dev.codexcontinue.api.exception.CodexException when the turn fails
   */
  public static AgentReply stream(Agent agent, AgentRequest request, TurnListener listener) {
    Objects.requireNonNull(agent, "agent == null");
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(listener, "listener == null");
    try (ChatStream<AgentReply> stream = agent.stream(request)) {
      for (ChatChunk chunk : stream) {
        if (chunk instanceof ChatChunk.TextDelta text) {
          listener.onText(text.text());
        } else if (chunk instanceof ChatChunk.ToolOutcome outcome) {
          listener.onToolResult(outcome.call(), outcome.result());
        }
      }
      return stream.result();
    }
  }
}
