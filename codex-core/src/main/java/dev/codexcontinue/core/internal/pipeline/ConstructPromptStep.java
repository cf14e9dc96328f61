package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ContentPart;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.core.PipelineStep;
import dev.codexcontinue.core.memory.TokenCounter;
import dev.codexcontinue.core.prompt.PromptLibrary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 4: renders the system prompt, frames the long-term memories in front of the user's message
 * (as reference data inside the user turn, never in the system prompt), and fills the rest of the
 * token budget with as much recent history as fits, cut only between whole units.
 */
final class ConstructPromptStep implements Step {
  /** The share of the prompt budget long-term memories may take. */
  private static final double MEMORY_SHARE = 0.25;

  @Override
  public PipelineStep kind() {
    return PipelineStep.CONSTRUCT_PROMPT;
  }

  @Override
  public String run(TurnContext turn) {
    AgentRuntime rt = turn.runtime;
    TokenCounter counter = rt.tokenCounter();
    int budget = rt.options().promptTokenBudget();
    ChatMessage system = ChatMessage.system(renderSystem(turn));
    ChatMessage user = withMemories(turn, counter, (int) (budget * MEMORY_SHARE));
    int fixed = counter.count(system) + counter.count(user) + toolTokens(turn.toolSpecs);
    int remaining = budget - fixed;
    if (remaining < 0) {
      throw new IllegalArgumentException(
          "system prompt, tools and message need about "
              + fixed
              + " tokens, over the prompt budget of "
              + budget);
    }
    List<ChatMessage> history = rt.sessions().window(turn.session(), remaining);
    List<ChatMessage> prompt = new ArrayList<>(history.size() + 2);
    prompt.add(system);
    for (ChatMessage m : history) {
      if (!m.role().equals(Role.SYSTEM)) {
        prompt.add(m);
      }
    }
    prompt.add(user);
    turn.prompt = List.copyOf(prompt);
    return "messages="
        + prompt.size()
        + " history="
        + (prompt.size() - 2)
        + " fixedTokens="
        + fixed;
  }

  private static String renderSystem(TurnContext turn) {
    Map<String, String> vars = new HashMap<>(turn.request.promptVariables());
    vars.putIfAbsent("user", turn.session().userId());
    vars.putIfAbsent("date", LocalDate.now(turn.runtime.clock()).toString());
    String name = turn.request.systemPrompt().orElse(turn.runtime.options().systemPrompt());
    return turn.runtime.prompts().render(name, vars);
  }

  /** Puts the memories that fit their share of the budget, best first, before the message. */
  private static ChatMessage withMemories(TurnContext turn, TokenCounter counter, int share) {
    ChatMessage message = turn.request.message();
    if (turn.memories.isEmpty()) {
      return message;
    }
    List<MemoryMatch> kept = new ArrayList<>(turn.memories);
    while (!kept.isEmpty()) {
      String block = renderMemories(turn, kept);
      if (counter.count(ChatMessage.user(block)) <= share) {
        ChatMessage.Builder b = ChatMessage.builder(Role.USER).text(block);
        for (ContentPart part : message.parts()) {
          b.addPart(part);
        }
        turn.memories = List.copyOf(kept);
        return b.build();
      }
      kept.remove(kept.size() - 1);
    }
    turn.memories = List.of();
    return message;
  }

  private static String renderMemories(TurnContext turn, List<MemoryMatch> matches) {
    StringBuilder lines = new StringBuilder();
    for (MemoryMatch m : matches) {
      lines.append("- ").append(m.record().text().replace('\n', ' ').strip()).append('\n');
    }
    return turn.runtime
        .prompts()
        .render(PromptLibrary.MEMORY_CONTEXT, Map.of("memories", lines.toString().stripTrailing()));
  }

  private static int toolTokens(List<ToolSpec> specs) {
    int chars = 0;
    for (ToolSpec s : specs) {
      chars += s.name().length() + s.description().length() + s.parametersSchema().length();
    }
    return chars / 4 + 8 * specs.size();
  }
}
