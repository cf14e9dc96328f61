package dev.codexcontinue.examples;

import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.tool.JsonSchema;
import dev.codexcontinue.core.tool.Tools;
import dev.codexcontinue.provider.ollama.OllamaProvider;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * An agent with a weather tool on a local Ollama server. The agent code, {@link #run}, takes any
 * {@link Provider}: the same code runs on OpenAI (the examples' tests run it on both, against each
 * wire format).
 *
 * <p>Run it with a server up and a model that calls tools pulled ({@code ollama pull llama3.2}):
 * {@code OLLAMA_HOST=localhost:11434 ./mvnw -pl examples -am exec:java
 * -Dexec.mainClass=dev.codexcontinue.examples.OllamaAgentExample}; {@code CODEX_OLLAMA_MODEL} picks
 * another model.
 */
public final class OllamaAgentExample {
  private static final Map<String, String> WEATHER =
      Map.of("toronto", "11 degrees celsius", "tokyo", "18 degrees celsius, clear");

  private OllamaAgentExample() {}

  /** Asks the agent about the weather in Toronto on the Ollama server of the environment. */
  public static void main(String[] args) {
    try (OllamaProvider ollama = OllamaProvider.builder().model("llama3.2").fromEnv().build()) {
      run(
          ollama,
          System.out,
          args.length > 0 ? String.join(" ", args) : "What is the weather in Toronto?");
    }
  }

  /** Runs one turn of the weather agent on {@code provider}, printing the tool calls and reply. */
  public static AgentReply run(Provider provider, PrintStream out, String question) {
    try (Agent agent = Agent.builder().provider(provider).addTool(weatherTool()).build()) {
      AgentReply reply = agent.chat(AgentRequest.of("weather", question));
      reply
          .toolExecutions()
          .forEach(
              e ->
                  out.println(
                      "  tool "
                          + e.call().name()
                          + " "
                          + e.call().arguments().replaceAll("\\s+", "")
                          + " -> "
                          + e.result().content()));
      out.println("assistant: " + reply.text());
      return reply;
    }
  }

  /** The tool: today's weather in a few cities. */
  static Tool weatherTool() {
    return Tools.builder("get_weather")
        .description("Get the weather in a given city")
        .parameters(
            JsonSchema.object()
                .property(
                    "city", JsonSchema.string().description("The city to get the weather for"))
                .required("city"))
        .permission(ToolPermission.ALLOW)
        .handler(
            (arguments, context) ->
                WEATHER.getOrDefault(
                    arguments.string("city").toLowerCase(Locale.ROOT), "no report for that city"))
        .build();
  }
}
