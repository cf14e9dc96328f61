package dev.codexcontinue.examples.tools;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.tool.ApprovalDecision;
import dev.codexcontinue.core.tool.ToolApprover;
import dev.codexcontinue.core.tool.ToolPolicy;
import dev.codexcontinue.examples.ExampleProviders;
import dev.codexcontinue.examples.Transcript;
import dev.codexcontinue.test.ScriptedProvider;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An on-call assistant with two tools described by JSON schemas, under a {@link ToolPolicy} with
 * all three tiers: {@code service_status} only reads and is allowed; {@code restart_service} has a
 * side effect, so it is asked about (the {@link ToolApprover} approves staging and refuses the
 * rest), and restarting production is denied outright. The model asks for the status, then for a
 * restart on three environments at once; every outcome, run or refused, goes back to the model,
 * which answers from it.
 */
public final class ToolsExample {
  static final String QUESTION = "Billing is slow. Check it, then restart it where you may.";

  private ToolsExample() {}

  /** Runs the example on the configured provider, or offline. */
  public static void main(String[] args) {
    run(Settings.fromEnvironment(), System.out);
  }

  /** Runs one turn, printing each tool call's outcome and the answer to {@code out}. */
  public static AgentReply run(Settings settings, PrintStream out) {
    ToolPolicy policy =
        ToolPolicy.builder()
            .allow("service_status")
            .deny("restart_service(*\"production\"*)") // deny beats ask, whatever the order
            .ask("restart_service")
            .denyByDefault()
            .build();
    ToolApprover approver =
        invocation -> {
          boolean staging = "staging".equals(invocation.argumentsTree().get("environment"));
          out.println(
              "  approver: "
                  + invocation.toolName()
                  + " "
                  + invocation.description()
                  + (staging ? " -> approved" : " -> refused (staging only)"));
          return staging ? ApprovalDecision.APPROVE : ApprovalDecision.DENY;
        };
    try (Provider model =
            ExampleProviders.configuredOr(
                settings, out, "a scripted model that calls the tools", ToolsExample::offline);
        Agent agent =
            Agent.builder()
                .provider(model)
                .tools(OpsTools.all())
                .toolPolicy(policy)
                .approver(approver)
                .build()) {
      out.println("user: " + QUESTION);
      AgentReply reply =
          agent.chat(AgentRequest.builder("on-call").userId("ada").text(QUESTION).build());
      Transcript.print(reply, out);
      return reply;
    }
  }

  /**
   * The offline model: it asks for the status, then for three restarts at once, then answers with
   * what each tool message told it.
   */
  static ScriptedProvider offline() {
    return ScriptedProvider.builder()
        .toolCall("service_status", "{\"service\":\"billing\"}")
        .toolCalls(restart("r1", "staging"), restart("r2", "qa"), restart("r3", "production"))
        .respond(ToolsExample::answerFromToolResults)
        .build();
  }

  private static ToolCall restart(String id, String environment) {
    return ToolCall.of(
        id, "restart_service", "{\"service\":\"billing\",\"environment\":\"" + environment + "\"}");
  }

  private static ChatResponse answerFromToolResults(ChatRequest request) {
    List<ChatMessage> results =
        request.messages().stream().filter(m -> m.role().equals(Role.TOOL)).toList();
    String summary =
        results.stream()
            .map(m -> m.name().orElse("tool") + ": " + m.text())
            .collect(Collectors.joining("; "));
    return ChatResponse.builder()
        .message(ChatMessage.assistant("I used " + results.size() + " tool results. " + summary))
        .build();
  }
}
