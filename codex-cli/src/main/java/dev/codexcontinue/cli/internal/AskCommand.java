package dev.codexcontinue.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.Capability;
import dev.codexcontinue.cli.CliContext;
import dev.codexcontinue.cli.ExitCode;
import dev.codexcontinue.cli.agents.AgentTurns;
import dev.codexcontinue.cli.agents.TurnListener;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentOptions;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code codexctl ask "..."}: one question, standard input appended, the answer streamed. */
@Command(
    name = "ask",
    mixinStandardHelpOptions = true,
    description = {
      "Asks one question and prints the answer as it streams.",
      "Standard input, when it is not a terminal, is appended to the question:"
          + " git diff | codexctl ask \"review this\"."
    })
final class AskCommand extends BaseCommand {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_STDIN_BYTES = 1 << 20;

  @Parameters(arity = "0..*", paramLabel = "QUESTION", description = "The question.")
  List<String> question = List.of();

  @Option(
      names = "--json",
      description =
          "Print one JSON object for scripts: answer, provider, model, usage, stopReason.")
  boolean json;

  @Option(names = "--no-stdin", description = "Do not read standard input.")
  boolean noStdin;

  AskCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() throws IOException {
    String text = String.join(" ", question).strip();
    String piped = noStdin || stdinIsTerminal() ? "" : readStdin();
    if (!piped.isBlank()) {
      text = text.isEmpty() ? piped : text + "\n\n```\n" + piped.strip() + "\n```";
    }
    if (text.isBlank()) {
      err().println("codexctl: ask needs a question (as arguments or on standard input)");
      return ExitCode.USAGE;
    }
    try (ChosenProvider chosen = resolver().resolve(Capability.CHAT);
        Agent agent =
            Agent.builder()
                .provider(chosen.provider())
                .options(AgentOptions.builder().rememberTurns(false).build())
                .redactSecrets(settings().settings().secretValues())
                .build()) {
      TurnListener listener = json ? TurnListener.NONE : new ConsoleTurnListener(out(), false);
      AgentReply reply = AgentTurns.stream(agent, AgentRequest.of("ask", text), listener);
      if (json) {
        ObjectNode o = JSON.createObjectNode();
        o.put("answer", reply.text())
            .put("provider", chosen.candidate().id())
            .put("model", chosen.model())
            .put("stopReason", reply.stopReason().toString());
        o.putObject("usage")
            .put("inputTokens", reply.usage().inputTokens())
            .put("outputTokens", reply.usage().outputTokens());
        out().println(JSON.writeValueAsString(o));
      } else {
        out().println();
      }
      return ExitCode.OK;
    }
  }

  /** The launcher tells whether standard input is a terminal; without it, a terminal run is. */
  private boolean stdinIsTerminal() {
    String hint = context.environment().get("CODEXCTL_STDIN");
    if (hint != null) {
      return hint.equals("tty");
    }
    return context.isInteractiveTerminal();
  }

  private String readStdin() throws IOException {
    byte[] bytes = context.in().readNBytes(MAX_STDIN_BYTES + 1);
    if (bytes.length > MAX_STDIN_BYTES) {
      throw new IllegalArgumentException(
          "standard input is larger than " + MAX_STDIN_BYTES + " bytes; pass a smaller part");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
