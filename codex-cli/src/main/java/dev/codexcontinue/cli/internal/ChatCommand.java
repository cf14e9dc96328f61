package dev.codexcontinue.cli.internal;

import dev.codexcontinue.api.Capability;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.cli.CliContext;
import dev.codexcontinue.cli.ExitCode;
import dev.codexcontinue.core.memory.JsonlSessionStore;
import dev.codexcontinue.core.memory.SessionMemory;
import dev.codexcontinue.memory.faiss.FaissMemoryStore;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code codexctl chat}: the interactive assistant. */
@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    description = {
      "Chats with the assistant: streamed answers, line editing and history, the session kept"
          + " between runs, long-term memory in a FAISS store under the home, tools (docs, shell,"
          + " indexed-docs search) that ask before any side effect.",
      "Commands: /reset, /memory [QUERY], /tools, /model [NAME], /sessions [NAME], /help, /exit."
    })
final class ChatCommand extends BaseCommand {
  @Option(
      names = "--session",
      paramLabel = "NAME",
      description = "The session to continue or start (default: ${DEFAULT-VALUE}).",
      defaultValue = "default")
  String session = "default";

  @Option(names = "--no-tools", description = "Chat without tools.")
  boolean noTools;

  ChatCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    try (ChosenProvider chosen = resolver().resolve(Capability.CHAT);
        Embedder embedder = Embedder.choose(settings());
        FaissMemoryStore store = memoryHome().openStore(embedder.model(), true);
        JsonlSessionStore sessions = memoryHome().openSessions();
        SessionMemory sessionMemory = SessionMemory.builder().store(sessions).build()) {
      DocsSearch search = new DocsSearch(store, new DocsCatalog(store.directory()));
      List<Tool> tools = noTools ? List.of() : CliTools.forChat(settings(), search);
      PromptingApprover approver = new PromptingApprover(input(), out());
      ChatSession chat =
          new ChatSession(
              new ChatSession.Resources(
                  chosen, embedder.model(), store, sessions, sessionMemory, tools, approver),
              input(),
              out(),
              err(),
              settings().settings().secretValues());
      chat.run(session);
      return ExitCode.OK;
    }
  }
}
