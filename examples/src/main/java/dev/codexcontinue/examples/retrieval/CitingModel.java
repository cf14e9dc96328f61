package dev.codexcontinue.examples.retrieval;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.test.ScriptedProvider;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The retrieval example's offline stand-in for a model that searches, reads and cites. */
final class CitingModel {
  private static final Pattern WORD = Pattern.compile("\\w+");
  private static final Pattern PASSAGE = Pattern.compile("\\[\\d+] (\\S+) \\(score");

  private CitingModel() {}

  /**
   * The offline model: it searches the docs with the user's question, then answers with the best
   * matching line of the passages it got, and that passage's citation.
   */
  static ScriptedProvider create() {
    return ScriptedProvider.builder()
        .respond(CitingModel::search)
        .respond(CitingModel::cite)
        .build();
  }

  private static ChatResponse search(ChatRequest request) {
    String question = last(request.messages(), Role.USER).text().replace("\"", "'");
    ToolCall call =
        ToolCall.of("search_1", "docs_search", "{\"query\":\"" + question + "\",\"top_k\":3}");
    return ChatResponse.builder().message(ChatMessage.assistant("", List.of(call))).build();
  }

  /**
   * Reads the passages of the tool result ({@code [n] path:first-last (score s) # heading}, then
   * the text) and answers with the line that shares the most words with the question.
   */
  private static ChatResponse cite(ChatRequest request) {
    Set<String> asked = words(last(request.messages(), Role.USER).text());
    String citation = "";
    String best = "I found nothing about that in the docs.";
    int bestScore = 0;
    for (String line : last(request.messages(), Role.TOOL).text().lines().toList()) {
      Matcher header = PASSAGE.matcher(line);
      if (header.lookingAt()) {
        citation = header.group(1);
      } else if (!line.startsWith("#")) {
        Set<String> shared = words(line);
        shared.retainAll(asked);
        if (shared.size() > bestScore) {
          bestScore = shared.size();
          best = line.strip() + " [" + citation + "]";
        }
      }
    }
    return ChatResponse.builder().message(ChatMessage.assistant(best)).build();
  }

  private static Set<String> words(String text) {
    return WORD.matcher(text.toLowerCase(Locale.ROOT))
        .results()
        .map(MatchResult::group)
        .collect(Collectors.toCollection(HashSet::new));
  }

  private static ChatMessage last(List<ChatMessage> messages, Role role) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role().equals(role)) {
        return messages.get(i);
      }
    }
    throw new IllegalStateException("no " + role + " message");
  }
}
