package dev.codexcontinue.examples;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentListener;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.StepEvent;
import dev.codexcontinue.core.memory.HashingEmbeddingModel;
import dev.codexcontinue.core.memory.InMemoryMemoryStore;
import dev.codexcontinue.test.ScriptedProvider;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An agent with session memory, long-term memory and two tools, on a scripted model so that it runs
 * offline, printing every pipeline step with its timing.
 *
 * <p>Monday, the user tells the agent the release date. Tuesday, in a new session, the user asks
 * how long until the release: long-term memory brings Monday's note into the prompt, the model
 * calls {@code days_until} with the date it found there, then answers from the tool's result. Swap
 * {@link #model()} for a real provider (OpenAI, Ollama) and the rest stays as it is.
 */
public final class QuickstartExample {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private QuickstartExample() {}

  /** Runs the example, printing to standard output. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the example, printing to {@code out}; returns the last reply. */
  public static AgentReply run(PrintStream out) {
    Clock clock = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);
    HashingEmbeddingModel embeddings = HashingEmbeddingModel.create();
    try (ScriptedProvider model = model();
        InMemoryMemoryStore memory = InMemoryMemoryStore.create(embeddings);
        Agent agent =
            Agent.builder()
                .provider(model)
                .memoryStore(memory)
                .embeddingModel(embeddings)
                .tools(new TeamTools(clock).all())
                .clock(clock)
                .addListener(printer(out))
                .build()) {
      ask(agent, out, "monday", "Remember that our next release is on 2026-12-15.");
      return ask(agent, out, "tuesday", "How many days are left until our next release?");
    }
  }

  private static AgentReply ask(Agent agent, PrintStream out, String session, String text) {
    out.println();
    out.println("[" + session + "] user: " + text);
    AgentReply reply = agent.chat(AgentRequest.builder(session).userId("ada").text(text).build());
    reply
        .toolExecutions()
        .forEach(e -> out.println("  tool " + e.call().name() + " -> " + e.result().content()));
    out.println("[" + session + "] assistant: " + reply.text());
    out.println(
        "  memories used: "
            + reply.memories().size()
            + ", stop: "
            + reply.stopReason()
            + ", tokens: "
            + reply.usage().totalTokens());
    return reply;
  }

  private static AgentListener printer(PrintStream out) {
    return new AgentListener() {
      @Override
      public void onStep(StepEvent e) {
        out.printf("  %-16s %6.2f ms  %s%n", e.step(), e.duration().toNanos() / 1e6, e.detail());
      }
    };
  }

  /**
   * The scripted model: it acknowledges notes, asks for {@code days_until} with the date it finds
   * in the prompt, and answers from a tool result when one is there.
   */
  static ScriptedProvider model() {
    return ScriptedProvider.builder().respond(QuickstartExample::think).repeatLast().build();
  }

  private static ChatResponse think(ChatRequest request) {
    List<ChatMessage> messages = request.messages();
    ChatMessage last = messages.get(messages.size() - 1);
    if (last.role().equals(Role.TOOL)) {
      return answer("The release is " + last.text() + ".");
    }
    if (last.text().startsWith("Remember")) {
      return answer("Noted.");
    }
    Matcher date = DATE.matcher(last.text());
    if (date.find()) {
      ToolCall call = ToolCall.of("call_1", "days_until", "{\"date\":\"" + date.group() + "\"}");
      return ChatResponse.builder().message(ChatMessage.assistant("", List.of(call))).build();
    }
    return answer("I do not know the release date yet.");
  }

  private static ChatResponse answer(String text) {
    return ChatResponse.builder().message(ChatMessage.assistant(text)).build();
  }
}
