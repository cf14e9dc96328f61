package dev.codexcontinue.examples.completion;

import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.core.completion.CodeCompleter;
import dev.codexcontinue.core.completion.CompletionContextBuilder;
import dev.codexcontinue.core.completion.EditorContext;
import dev.codexcontinue.core.completion.OpenFile;
import dev.codexcontinue.examples.ExampleProviders;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import mockwebserver3.MockWebServer;

/**
 * Code completion the way an editor asks for it: the editor's state ({@link EditorContext}: the
 * document, the cursor, the open files) becomes a fill-in-the-middle request through {@link
 * CompletionContextBuilder}, and a {@link CodeCompleter} sends it (debounced, superseding older
 * keystrokes), trims the answer to the block at the cursor, and answers the next keystrokes from
 * what it showed when the user types it. Offline, a local MockWebServer answers as Ollama's {@code
 * /api/generate} would; {@code CODEX_EXAMPLES_PROVIDER=tabby} or {@code ollama} uses a real server.
 */
public final class CompletionExample {
  /** The document being edited: the cursor is on the blank line of fib's body. */
  static final String DOCUMENT =
      """
      import functools


      @functools.cache
      def fib(n):
         \s
          return fib(n - 1) + fib(n - 2)


      def main():
          print(fib(30))
      """;

  static final int CURSOR = DOCUMENT.indexOf("def fib(n):\n    ") + "def fib(n):\n    ".length();

  private CompletionExample() {}

  /** Runs the example on the configured provider, or offline. */
  public static void main(String[] args) throws Exception {
    run(Settings.fromEnvironment(), System.out);
  }

  /** Completes at the cursor, then types three characters of the answer; returns the answer. */
  public static CompletionResponse run(Settings settings, PrintStream out)
      throws InterruptedException, ExecutionException, TimeoutException {
    EditorContext editor =
        EditorContext.builder(DOCUMENT, CURSOR)
            .language("python")
            .filePath("fib.py")
            .addOpenFile(
                OpenFile.opened("test_fib.py", "def test_fib():\n    assert fib(10) == 55\n"))
            .build();
    CompletionContextBuilder contexts =
        CompletionContextBuilder.builder()
            .maxPrefixLines(80)
            .maxSuffixLines(20)
            .requestCustomizer(r -> r.maxOutputTokens(64))
            .build();
    CompletionRequest request = contexts.build(editor);
    out.printf(
        "request: %d prefix and %d suffix characters, %d related snippets%n",
        request.prefix().length(), request.suffix().length(), request.snippets().size());

    try (MockWebServer server = new MockWebServer();
        Provider provider =
            ExampleProviders.configuredOr(
                settings,
                out,
                "a local MockWebServer answering as Ollama's /api/generate",
                () -> LocalOllama.start(server));
        CodeCompleter completer =
            CodeCompleter.builder(provider).contextBuilder(contexts).build()) {
      CompletionResponse answer = completer.complete(editor).get(30, TimeUnit.SECONDS);
      out.println("ghost text at the cursor:\n" + answer.text().indent(2).stripTrailing());

      // The user types the first characters of the suggestion: the rest comes without a call.
      String typed = answer.text().substring(0, Math.min(3, answer.text().length()));
      EditorContext next =
          EditorContext.builder(
                  DOCUMENT.substring(0, CURSOR) + typed + DOCUMENT.substring(CURSOR),
                  CURSOR + typed.length())
              .language("python")
              .filePath("fib.py")
              .openFiles(editor.openFiles())
              .build();
      CompletableFuture<CompletionResponse> rest = completer.complete(next);
      out.printf(
          "typed '%s': %s '%s'%n",
          typed,
          rest.isDone() ? "answered at once with" : "asked the model again, got",
          rest.get(30, TimeUnit.SECONDS).text().lines().findFirst().orElse(""));
      if (server.getStarted()) {
        out.println("the local server answered " + server.getRequestCount() + " request(s)");
      }
      return answer;
    }
  }
}
