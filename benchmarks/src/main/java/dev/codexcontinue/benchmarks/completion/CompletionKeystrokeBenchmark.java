package dev.codexcontinue.benchmarks.completion;

import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.Capability;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.CompletionChoice;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.core.completion.CodeCompleter;
import dev.codexcontinue.core.completion.CompletionCache;
import dev.codexcontinue.core.completion.CompletionContextBuilder;
import dev.codexcontinue.core.completion.CompletionTrimmer;
import dev.codexcontinue.core.completion.EditorContext;
import dev.codexcontinue.core.completion.OpenFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one keystroke costs in codex-core's completion helper, on a 2,000-line Java document with
 * eight open files of 400 lines: building the full request, trimming a ten-line answer, a cache
 * lookup, and a whole {@link CodeCompleter#complete} (windows, cache miss, request, an instant
 * provider, trimming, cache store) on documents that change at every keystroke. Network time is not
 * in it: the provider answers at once.
 *
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests dependency:build-classpath \
 *     -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/runtime-classpath.txt) \
 *     org.openjdk.jmh.Main CompletionKeystroke -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CompletionKeystrokeBenchmark {
  private static final int DOCUMENT_METHODS = 250;
  private static final int OPEN_FILES = 8;
  private static final int TYPED_VERSIONS = 256;
  private static final String ANSWER =
      "int total = 0;\n"
          + "    for (Order order : orders) {\n"
          + "      if (order.isPaid()) {\n"
          + "        total += order.amount();\n"
          + "      }\n"
          + "    }\n"
          + "    log.debug(\"total {}\", total);\n"
          + "    return total;\n"
          + "  }\n"
          + "\n"
          + "  int other() {";

  private final CompletionContextBuilder contexts = CompletionContextBuilder.defaults();
  private final CompletionTrimmer trimmer = CompletionTrimmer.create();
  private final CompletionCache cache = CompletionCache.builder().build();
  private final List<EditorContext> typed = new ArrayList<>();
  private CodeCompleter completer = CodeCompleter.builder(new InstantProvider()).build();
  private CodeCompleter debounced = CodeCompleter.builder(new InstantProvider()).build();
  private EditorContext context = EditorContext.builder("", 0).build();
  private CompletionRequest request = CompletionRequest.builder("", "").build();
  private int next;

  /** Builds the document, its typed versions and the open files, and warms the file indexes. */
  @Setup(Level.Trial)
  public void setUp() {
    List<OpenFile> files = new ArrayList<>();
    for (int f = 0; f < OPEN_FILES; f++) {
      String name = "Service" + f;
      String text = javaFile(name, 50);
      files.add(
          f % 2 == 0
              ? OpenFile.changed(name + ".java", text)
              : OpenFile.opened(name + ".java", text));
    }
    String document = javaFile("Billing", DOCUMENT_METHODS);
    int cursor =
        document.indexOf("int sum125(") + "int sum125(List<Order> orders) {\n    ".length();
    String before = document.substring(0, cursor);
    String after = document.substring(cursor);
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < TYPED_VERSIONS; i++) {
      typed.add(context(before + keys, after, cursor + keys.length(), files));
      keys.append((char) ('A' + i % 26));
    }
    context = typed.get(0);
    request = contexts.build(context);
    cache.put(request, response(ANSWER));
    completer =
        CodeCompleter.builder(new InstantProvider())
            .contextBuilder(contexts)
            .debounce(Duration.ZERO)
            .build();
    debounced =
        CodeCompleter.builder(new InstantProvider())
            .contextBuilder(contexts)
            .debounce(Duration.ofMillis(100))
            .build();
  }

  /** Stops the completer's debounce thread. */
  @TearDown(Level.Trial)
  public void tearDown() {
    completer.close();
    debounced.close();
  }

  /** Builds the full request: windows, declarations and snippets of the open files. */
  @Benchmark
  public CompletionRequest buildRequest() {
    return contexts.build(context);
  }

  /** Trims a ten-line answer that runs past the end of the cursor's block. */
  @Benchmark
  public String trimAnswer() {
    return trimmer.trim(request, ANSWER);
  }

  /** Looks an answer up in the cache (a hit). */
  @Benchmark
  public Optional<CompletionResponse> cacheLookup() {
    return cache.get(request);
  }

  /**
   * One keystroke as an editor pays it while typing: windows, a cache miss, cancelling the pending
   * request and scheduling this one after the debounce delay (typing faster than the delay, no
   * request is ever built).
   */
  @Benchmark
  public CompletableFuture<CompletionResponse> keystrokeWhileTyping() {
    EditorContext at = typed.get(next);
    next = (next + 1) % TYPED_VERSIONS;
    return debounced.complete(at);
  }

  /**
   * One keystroke after a pause, end to end: the document changed, so the cache misses, the full
   * request is built, the (instant) provider answers, and the answer is trimmed and cached.
   */
  @Benchmark
  public CompletionResponse keystroke() {
    EditorContext at = typed.get(next);
    next = (next + 1) % TYPED_VERSIONS;
    return completer.complete(at).join();
  }

  private static EditorContext context(
      String before, String after, int cursor, List<OpenFile> files) {
    return EditorContext.builder(before + after, cursor)
        .language("java")
        .filePath("Billing.java")
        .openFiles(files)
        .build();
  }

  private static String javaFile(String name, int methods) {
    StringBuilder sb = new StringBuilder("package app;\n\nimport java.util.List;\n\n");
    sb.append("final class ").append(name).append(" {\n");
    for (int m = 0; m < methods; m++) {
      sb.append("  /** Sums the paid orders of batch ").append(m).append(". */\n");
      sb.append("  int sum").append(m).append("(List<Order> orders) {\n");
      sb.append("    int total = 0;\n");
      sb.append("    for (Order order : orders) {\n");
      sb.append("      total += order.amount() * ").append(m % 7 + 1).append(";\n");
      sb.append("    }\n");
      sb.append("    return total;\n");
      sb.append("  }\n\n");
    }
    return sb.append("}\n").toString();
  }

  private static CompletionResponse response(String text) {
    return CompletionResponse.of(
        "cmpl-1", List.of(new CompletionChoice(0, text)), null, TokenUsage.ZERO);
  }

  /** A provider that answers every completion at once, so only the helper's own cost is timed. */
  private static final class InstantProvider implements Provider {
    private final CompletableFuture<CompletionResponse> answer =
        CompletableFuture.completedFuture(response(ANSWER));

    @Override
    public CompletableFuture<CompletionResponse> completeAsync(CompletionRequest request) {
      return answer;
    }

    @Override
    public String id() {
      return "instant";
    }

    @Override
    public Set<Capability> capabilities() {
      return Set.of(Capability.CODE_COMPLETION);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
      throw new UnsupportedOperationException("completion only");
    }

    @Override
    public CompletableFuture<ChatResponse> chatAsync(ChatRequest request) {
      throw new UnsupportedOperationException("completion only");
    }

    @Override
    public Cancellable stream(ChatRequest request, StreamListener listener) {
      throw new UnsupportedOperationException("completion only");
    }

    @Override
    public void close() {}
  }
}
