package dev.codexcontinue.examples.customprovider;

import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.ChatStream;
import dev.codexcontinue.core.discovery.Providers;
import java.io.PrintStream;
import java.util.List;

/**
 * A provider of your own, found by id: {@link FaqProviderFactory} is registered in {@code
 * META-INF/services/dev.codexcontinue.api.spi.ProviderFactory}, so {@code Providers.create("faq",
 * settings)} finds it on the class path exactly as it finds {@code openai} or {@code ollama}. An
 * agent then uses it like any other provider, blocking and streaming.
 */
public final class CustomProviderExample {
  static final List<String> QUESTIONS =
      List.of("How do I build and test the project?", "When is the next release published?");

  private CustomProviderExample() {}

  /** Runs the example; {@code CODEX_FAQ_UNKNOWN_ANSWER} changes the provider's fallback. */
  public static void main(String[] args) {
    run(Settings.fromEnvironment(), System.out);
  }

  /**
   * Discovers the provider, asks the questions, streams one more answer; returns the last reply.
   */
  public static AgentReply run(Settings settings, PrintStream out) {
    out.println("providers on the class path: " + Providers.ids());
    try (Provider faq = Providers.create(FaqProvider.ID, settings);
        Agent agent = Agent.builder().provider(faq).build()) {
      out.println("created by id '" + FaqProvider.ID + "': " + faq.getClass().getSimpleName());
      for (String question : QUESTIONS) {
        out.println("user: " + question);
        out.println("assistant: " + agent.chat(AgentRequest.of("faq", question)).text());
      }
      String last = "Can I take a holiday next month?";
      out.println("user: " + last);
      out.print("assistant (streamed): ");
      try (ChatStream<AgentReply> stream = agent.stream(AgentRequest.of("faq", last))) {
        int deltas = 0;
        for (ChatChunk chunk : stream) {
          if (chunk instanceof ChatChunk.TextDelta delta) {
            out.print(delta.text());
            deltas++;
          }
        }
        out.println();
        out.println("  " + deltas + " deltas");
        return stream.result();
      }
    }
  }
}
