package dev.codexcontinue.examples.customprovider;

import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.Capability;
import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.api.TokenUsage;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A provider of your own: it answers from a team FAQ, picking the entry whose keywords the user's
 * last message mentions most. Put a call to your in-house model service where {@link #answer} is;
 * everything else (the agent, memory, tools, streaming faces) comes from codex-core unchanged.
 *
 * <p>Thread-safe and immutable; holds no connection, so {@link #close()} has nothing to release.
 */
public final class FaqProvider implements Provider {
  /** The id the factory registers: {@code Providers.create("faq", settings)}. */
  public static final String ID = "faq";

  private static final Pattern WORD_AND_SPACE = Pattern.compile("\\S+\\s*");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private final Map<String, String> faq;
  private final String unknownAnswer;

  /** Creates a provider over {@code faq} (keywords, space-separated, to answer). */
  public FaqProvider(Map<String, String> faq, String unknownAnswer) {
    // Sorted, so that ties between entries always go the same way.
    this.faq =
        Collections.unmodifiableSortedMap(
            new TreeMap<>(Objects.requireNonNull(faq, "faq == null")));
    this.unknownAnswer = Objects.requireNonNull(unknownAnswer, "unknownAnswer == null");
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.CHAT, Capability.STREAMING);
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    String question =
        request.messages().stream()
            .filter(m -> m.role().equals(Role.USER))
            .reduce((first, second) -> second)
            .map(ChatMessage::text)
            .orElseThrow(() -> new IllegalArgumentException("the request has no user message"));
    String text = answer(question);
    return ChatResponse.builder()
        .id("faq-" + Integer.toHexString(question.hashCode()))
        .model(ID)
        .message(ChatMessage.assistant(text))
        .usage(new TokenUsage(words(question).size(), words(text).size()))
        .finishReason(FinishReason.STOP)
        .build();
  }

  @Override
  public CompletableFuture<ChatResponse> chatAsync(ChatRequest request) {
    // Answering is a map lookup, so it runs on the caller's thread; a remote model would not.
    try {
      return CompletableFuture.completedFuture(chat(request));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public Cancellable stream(ChatRequest request, StreamListener listener) {
    // One chunk per word, then exactly one terminal call, as the StreamListener contract says.
    ChatResponse response = chat(request);
    Matcher word = WORD_AND_SPACE.matcher(response.text());
    while (word.find()) {
      listener.onChunk(new ChatChunk.TextDelta(word.group()));
    }
    listener.onComplete(response);
    return () -> {};
  }

  @Override
  public void close() {}

  /** Returns the FAQ answer that shares the most keywords with {@code question}. */
  String answer(String question) {
    Set<String> asked = words(question);
    String best = unknownAnswer;
    int bestScore = 0;
    for (Map.Entry<String, String> entry : faq.entrySet()) {
      Set<String> keywords = words(entry.getKey());
      keywords.retainAll(asked);
      if (keywords.size() > bestScore) {
        best = entry.getValue();
        bestScore = keywords.size();
      }
    }
    return best;
  }

  private static Set<String> words(String text) {
    return WORD.matcher(text.toLowerCase(Locale.ROOT))
        .results()
        .map(MatchResult::group)
        .collect(Collectors.toCollection(HashSet::new));
  }
}
