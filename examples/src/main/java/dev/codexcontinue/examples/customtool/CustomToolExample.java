package dev.codexcontinue.examples.customtool;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.discovery.ToolPlugins;
import dev.codexcontinue.core.tool.ToolPolicy;
import dev.codexcontinue.examples.ExampleProviders;
import dev.codexcontinue.examples.Transcript;
import dev.codexcontinue.test.ScriptedProvider;
import java.io.PrintStream;
import java.util.List;

/**
 * A tool plugin of your own, found by id: {@link TicketToolFactory} is registered in {@code
 * META-INF/services/dev.codexcontinue.api.spi.ToolFactory}, so {@code ToolPlugins.create("tickets",
 * settings)} creates its tools as it creates {@code docs} or {@code shell}. The agent's policy
 * allows lookups in the OPS project only; the model looks a ticket up and answers from it.
 */
public final class CustomToolExample {
  static final String QUESTION = "What is the state of OPS-42, and who has it?";

  private CustomToolExample() {}

  /** Runs the example on the configured provider, or offline. */
  public static void main(String[] args) {
    run(Settings.fromEnvironment(), System.out);
  }

  /** Discovers the plugin, asks about a ticket and prints the tool call and answer. */
  public static AgentReply run(Settings settings, PrintStream out) {
    ClassLoader loader = CustomToolExample.class.getClassLoader();
    out.println("tool plugins on the class path: " + ToolPlugins.ids(loader));
    List<Tool> tools = ToolPlugins.create(TicketToolFactory.ID, settings, loader);
    out.println(
        "plugin '"
            + TicketToolFactory.ID
            + "' gave: "
            + tools.stream().map(t -> t.spec().name()).toList());
    ToolPolicy policy = ToolPolicy.builder().allow("ticket_lookup(OPS-*)").denyByDefault().build();
    try (Provider model =
            ExampleProviders.configuredOr(
                settings,
                out,
                "a scripted model that looks the ticket up",
                CustomToolExample::offline);
        Agent agent = Agent.builder().provider(model).tools(tools).toolPolicy(policy).build()) {
      out.println("user: " + QUESTION);
      AgentReply reply = agent.chat(AgentRequest.of("tickets", QUESTION));
      Transcript.print(reply, out);
      return reply;
    }
  }

  /** The offline model: it looks the ticket up, then repeats what the tool told it. */
  static ScriptedProvider offline() {
    return ScriptedProvider.builder()
        .toolCall(TicketLookupTool.NAME, "{\"id\":\"OPS-42\"}")
        .respond(
            request -> {
              List<ChatMessage> messages = request.messages();
              String result = messages.get(messages.size() - 1).text();
              return ChatResponse.builder()
                  .message(ChatMessage.assistant("From the tracker: " + result))
                  .build();
            })
        .build();
  }
}
