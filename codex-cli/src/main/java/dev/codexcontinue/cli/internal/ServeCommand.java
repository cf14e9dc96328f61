package dev.codexcontinue.cli.internal;

import dev.codexcontinue.api.Capability;
import dev.codexcontinue.api.Secret;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.cli.CliContext;
import dev.codexcontinue.cli.ExitCode;
import dev.codexcontinue.core.memory.JsonlSessionStore;
import dev.codexcontinue.core.memory.SessionMemory;
import dev.codexcontinue.memory.faiss.FaissMemoryStore;
import dev.codexcontinue.server.CodexHttpHandler;
import dev.codexcontinue.server.CodexServer;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code codexctl serve}: the agent over HTTP (OpenAI- and Tabby-compatible endpoints, the agent
 * API and the web playground), with the same provider, memory and tools as {@code codexctl chat}.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the assistant over HTTP until interrupted: OpenAI-compatible /v1 endpoints,"
          + " Tabby-compatible /tabby/v1 endpoints, the agent API under /api and the playground"
          + " at /.",
      "Loopback only unless a bearer token is set (server.token or CODEX_SERVER_TOKEN)."
    })
final class ServeCommand extends BaseCommand {
  static final String TOKEN = "server.token";

  @Option(
      names = "--host",
      description = "Address to bind (default: ${DEFAULT-VALUE}).",
      defaultValue = "127.0.0.1")
  String host = "127.0.0.1";

  @Option(
      names = "--port",
      description = "Port, 0 for any free one (default: ${DEFAULT-VALUE}).",
      defaultValue = "8080")
  int port = 8080;

  @Option(names = "--no-tools", description = "Serve without tools.")
  boolean noTools;

  ServeCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    try (ChosenProvider chosen = resolver().resolve(Capability.CHAT);
        Embedder embedder = Embedder.choose(settings());
        FaissMemoryStore store = memoryHome().openStore(embedder.model(), true);
        JsonlSessionStore sessions = memoryHome().openSessions()) {
      DocsSearch search = new DocsSearch(store, new DocsCatalog(store.directory()));
      List<Tool> tools = noTools ? List.of() : CliTools.forChat(settings(), search);
      CodexHttpHandler.Builder handler =
          CodexHttpHandler.builder()
              .provider(chosen.provider())
              .sessionMemory(SessionMemory.builder().store(sessions).build())
              .memoryStore(store)
              .embeddingModel(embedder.model());
      tools.forEach(handler::addTool);
      token().ifPresent(handler::bearerToken);
      try (CodexServer server =
          CodexServer.builder().host(host).port(port).handler(handler).build().start()) {
        out()
            .println(
                "codexctl serve: "
                    + chosen.candidate().id()
                    + " ("
                    + chosen.model()
                    + ") on "
                    + server.uri()
                    + "  (playground: "
                    + server.uri()
                    + "/)");
        server.awaitStop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ExitCode.OK;
    }
  }

  private Optional<Secret> token() {
    @Nullable String fromEnv = context.environment().get("CODEX_SERVER_TOKEN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(Secret.of(fromEnv));
    }
    return settings().settings().secret(TOKEN);
  }
}
