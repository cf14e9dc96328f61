package dev.codexcontinue.cli.internal;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.ModelInfo;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.api.memory.MemoryQuery;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.cli.agents.AgentTurns;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentOptions;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.memory.JsonlSessionStore;
import dev.codexcontinue.core.memory.SessionMemory;
import dev.codexcontinue.memory.faiss.FaissMemoryStore;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/** The chat loop: reads lines, streams answers, and runs the slash commands. */
final class ChatSession {
  /**
   * What the chat runs on; all of it is owned by the command.
   *
   * @param chosen the provider and its default model
   * @param embeddings the embedder of the long-term memory
   * @param store the long-term memory
   * @param sessions the persisted sessions
   * @param sessionMemory session memory over {@code sessions}
   * @param tools the tools offered to the model
   * @param approver asks the user about side effects
   */
  record Resources(
      ChosenProvider chosen,
      EmbeddingModel embeddings,
      FaissMemoryStore store,
      JsonlSessionStore sessions,
      SessionMemory sessionMemory,
      List<Tool> tools,
      PromptingApprover approver) {}

  private static final String HELP =
      """
      /reset            forget this session's messages
      /memory [QUERY]   long-term memory: its size, or the memories closest to QUERY
      /tools            the tools the assistant may use, and which ask first
      /model [NAME]     the model in use and those offered; switch with NAME
      /sessions [NAME]  the stored sessions; switch to (or start) NAME
      /exit             leave (Ctrl-D too)""";

  private final Resources res;
  private final UserInput input;
  private final PrintStream out;
  private final PrintStream err;
  private final Collection<String> secrets;
  private String model;
  @Nullable private Agent agent;

  ChatSession(
      Resources res,
      UserInput input,
      PrintStream out,
      PrintStream err,
      Collection<String> secrets) {
    this.res = res;
    this.input = input;
    this.out = out;
    this.err = err;
    this.secrets = secrets;
    this.model = res.chosen().model();
  }

  void run(String firstSession) {
    String session = firstSession;
    out.println(
        "codexctl chat: "
            + res.chosen().candidate().id()
            + " "
            + model
            + ", session '"
            + session
            + "' ("
            + res.sessionMemory().messages(key(session)).size()
            + " messages). /help lists commands, /exit leaves.");
    try {
      while (true) {
        Optional<String> line = input.readLine("you> ");
        if (line.isEmpty()) {
          out.println();
          return;
        }
        String text = line.get().strip();
        if (text.isEmpty()) {
          continue;
        }
        if (text.startsWith("/")) {
          Optional<String> next = command(text, session);
          if (next.isEmpty()) {
            return;
          }
          session = next.get();
          continue;
        }
        turn(session, text);
      }
    } finally {
      closeAgent();
    }
  }

  private void turn(String session, String text) {
    out.print("assistant> ");
    out.flush();
    try {
      AgentTurns.stream(
          agent(),
          AgentRequest.builder(session).text(text).build(),
          new ConsoleTurnListener(out, false));
      out.println();
    } catch (CodexException e) {
      out.println();
      err.println("codexctl: " + Commands.describe(e));
    }
  }

  /** Runs a slash command; returns the session to continue with, or empty to leave. */
  private Optional<String> command(String line, String session) {
    String[] parts = line.split("\\s+", 2);
    String arg = parts.length > 1 ? parts[1].strip() : "";
    switch (parts[0]) {
      case "/exit", "/quit" -> {
        return Optional.empty();
      }
      case "/help" -> out.println(HELP);
      case "/reset" -> {
        agent().clearHistory(key(session));
        out.println("session '" + session + "' cleared");
      }
      case "/memory" -> memory(arg);
      case "/tools" -> tools();
      case "/model" -> model(arg);
      case "/sessions" -> {
        if (!arg.isEmpty()) {
          out.println(
              "session '"
                  + arg
                  + "' ("
                  + res.sessionMemory().messages(key(arg)).size()
                  + " messages)");
          return Optional.of(arg);
        }
        sessions(session);
      }
      default -> out.println("unknown command " + parts[0] + "; /help lists them");
    }
    return Optional.of(session);
  }

  private void memory(String query) {
    if (query.isEmpty()) {
      out.println(
          "long-term memory: "
              + res.store().size()
              + " records in "
              + res.store().directory()
              + " ("
              + res.embeddings().name()
              + " embeddings)");
      return;
    }
    List<MemoryMatch> matches = res.store().search(MemoryQuery.byText(query).topK(5).build());
    if (matches.isEmpty()) {
      out.println("no memory matches");
    }
    for (MemoryMatch m : matches) {
      String first = m.record().text().strip().lines().findFirst().orElse("");
      out.printf(
          "%.3f  %s%n", m.score(), first.length() > 120 ? first.substring(0, 120) + "..." : first);
    }
  }

  private void tools() {
    if (res.tools().isEmpty()) {
      out.println("no tools (started with --no-tools)");
    }
    for (Tool tool : res.tools()) {
      String description = tool.spec().description();
      int dot = description.indexOf(". ");
      out.printf(
          "%-22s %-5s %s%n",
          tool.spec().name(),
          tool.defaultPermission().name().toLowerCase(java.util.Locale.ROOT),
          dot > 0 ? description.substring(0, dot + 1) : description);
    }
    out.println(
        "(allow: runs at once; ask: you approve each call; the shell allows read-only commands)");
  }

  private void model(String name) {
    if (!name.isEmpty()) {
      model = name;
      closeAgent();
      out.println("model: " + model);
      return;
    }
    out.println("model: " + model + " (" + res.chosen().candidate().id() + ")");
    List<String> offered = res.chosen().models().stream().map(ModelInfo::id).toList();
    if (!offered.isEmpty()) {
      out.println("offered: " + String.join(", ", offered));
    }
  }

  private void sessions(String current) {
    List<SessionKey> keys =
        res.sessions().keys().stream().sorted(Comparator.comparing(SessionKey::sessionId)).toList();
    if (keys.stream().noneMatch(k -> k.sessionId().equals(current))) {
      out.println("* " + current + " (new)");
    }
    for (SessionKey k : keys) {
      out.println(
          (k.sessionId().equals(current) ? "* " : "  ")
              + k.sessionId()
              + " ("
              + res.sessions().load(k).size()
              + " messages)");
    }
  }

  private Agent agent() {
    Agent a = agent;
    if (a == null) {
      AgentOptions.Builder options = AgentOptions.builder().approvalTimeout(Duration.ofMinutes(10));
      if (!model.startsWith("(")) {
        options.model(model);
      }
      a =
          Agent.builder()
              .provider(res.chosen().provider())
              .options(options.build())
              .sessionMemory(res.sessionMemory())
              .memoryStore(res.store())
              .embeddingModel(res.embeddings())
              .tools(res.tools())
              .approver(res.approver())
              .redactSecrets(secrets)
              .build();
      agent = a;
    }
    return a;
  }

  private void closeAgent() {
    Agent a = agent;
    agent = null;
    if (a != null) {
      a.close();
    }
  }

  private static SessionKey key(String session) {
    return SessionKey.of(AgentRequest.DEFAULT_USER, session);
  }
}
