package dev.codexcontinue.memory.pgvector;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.api.memory.MemoryQuery;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.memory.HashingEmbeddingModel;
import dev.codexcontinue.core.memory.SessionMemory;
import dev.codexcontinue.core.tool.ToolPolicy;
import dev.codexcontinue.core.tool.Tools;
import dev.codexcontinue.memory.redis.RedisSessionStore;
import dev.codexcontinue.test.ScriptedProvider;
import dev.codexcontinue.test.ScriptedProviderBuilder;
import java.time.Duration;
import java.util.List;

/**
 * One agent instance in its own JVM, as behind a load balancer: session memory in the shared Redis,
 * long-term memory in the shared pgvector table, a scripted model. Each turn calls the {@code
 * lookup} tool, then answers. Prints {@code HISTORY n} (the user messages the model was shown) per
 * turn and, with {@code --recall}, {@code RECALL text} for the best long-term memory.
 *
 * <p>Arguments: redis URI, JDBC URL, table, session id, node name, turns, first text, [--recall].
 */
final class AgentNode {
  private AgentNode() {}

  public static void main(String[] args) {
    String redisUri = args[0];
    String jdbcUrl = args[1];
    String table = args[2];
    String session = args[3];
    String node = args[4];
    int turns = Integer.parseInt(args[5]);
    String firstText = args[6];
    boolean recall = args.length > 7 && args[7].equals("--recall");

    ScriptedProviderBuilder script = ScriptedProvider.builder();
    for (int t = 0; t < turns; t++) {
      int turn = t;
      script
          .toolCall("lookup", "{\"q\":\"" + node + "-" + t + "\"}")
          .respond(
              request -> {
                long users =
                    request.messages().stream().filter(m -> m.role().equals(Role.USER)).count();
                System.out.println("HISTORY " + users);
                return ChatResponse.builder()
                    .id(node + "-" + turn)
                    .model("scripted")
                    .message(ChatMessage.assistant("answer " + node + "-" + turn + " in full"))
                    .finishReason(FinishReason.STOP)
                    .build();
              });
    }
    long started = System.nanoTime();
    HashingEmbeddingModel embeddings = HashingEmbeddingModel.create(64);
    try (RedisSessionStore sessions = RedisSessionStore.builder().uri(redisUri).build();
        // A tiny idle TTL: every turn reloads the session from Redis, where other nodes write.
        SessionMemory memory =
            SessionMemory.builder().store(sessions).idleTtl(Duration.ofMillis(1)).build();
        PgVectorMemoryStore longTerm =
            PgVectorMemoryStore.builder()
                .url(jdbcUrl)
                .table(table)
                .embeddingModel(embeddings)
                .build();
        ScriptedProvider model = script.build();
        Agent agent =
            Agent.builder()
                .provider(model)
                .sessionMemory(memory)
                .memoryStore(longTerm)
                .embeddingModel(embeddings)
                .toolPolicy(ToolPolicy.builder().allow("lookup").build())
                .addTool(
                    Tools.builder("lookup")
                        .description("Looks a fact up.")
                        .parameters("{\"type\":\"object\"}")
                        .handler((arguments, context) -> "found " + arguments)
                        .build())
                .build()) {
      if (recall) { // what this node finds in long-term memory before it says anything
        List<MemoryMatch> best = longTerm.search(MemoryQuery.byText(firstText).topK(1).build());
        best.forEach(m -> System.out.println("RECALL " + m.record().text()));
      }
      long opened = System.nanoTime();
      for (int t = 0; t < turns; t++) {
        String text = t == 0 ? firstText : node + " question number " + t;
        AgentReply reply = agent.chat(AgentRequest.of(session, text));
        System.out.println("REPLY " + reply.text());
      }
      System.out.printf(
          "TIMING %s open %d ms, %d turns %d ms%n",
          node, (opened - started) / 1_000_000, turns, (System.nanoTime() - opened) / 1_000_000);
      if (recall) {
        List<ChatMessage> history = agent.history(AgentRequest.of(session, "x").session());
        System.out.println("STORED " + history.size());
      }
    }
  }
}
