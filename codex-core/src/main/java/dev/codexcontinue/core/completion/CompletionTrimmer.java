package dev.codexcontinue.core.completion;

import dev.codexcontinue.api.CompletionChoice;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.core.completion.internal.Syntax;
import dev.codexcontinue.core.completion.internal.Trimming;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts a model's completion to what an editor should insert at the cursor, the same way whichever
 * provider answered:
 *
 * <ul>
 *   <li>with code after the cursor on its line, only the rest of that line is completed;
 *   <li>otherwise the completion stops at the end of the block the cursor is in: at the bracket
 *       that closes a block opened before the cursor, or before a line indented less than the block
 *       (brackets in comments and strings are skipped, by the rules of the request's language);
 *   <li>text that repeats what follows the cursor is dropped: a line equal to the next line of the
 *       document, closing brackets the text after the cursor already has;
 *   <li>trailing whitespace is removed.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class CompletionTrimmer {
  private static final CompletionTrimmer INSTANCE = new CompletionTrimmer();

  private CompletionTrimmer() {}

  /** Returns the trimmer. */
  public static CompletionTrimmer create() {
    return INSTANCE;
  }

  /** Returns the part of {@code completion} to insert at the cursor of {@code request}. */
  public String trim(CompletionRequest request, String completion) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(completion, "completion == null");
    return Trimming.trim(
        request.prefix(), request.suffix(), Syntax.of(request.language().orElse(null)), completion);
  }

  /**
   * Returns {@code response} with every choice trimmed; choices left empty are dropped, the others
   * keep their index (it is what acceptance events quote).
   */
  public CompletionResponse trim(CompletionRequest request, CompletionResponse response) {
    Objects.requireNonNull(response, "response == null");
    List<CompletionChoice> kept = new ArrayList<>(response.choices().size());
    for (CompletionChoice choice : response.choices()) {
      String text = trim(request, choice.text());
      if (!text.isEmpty()) {
        kept.add(new CompletionChoice(choice.index(), text));
      }
    }
    return response.withChoices(kept);
  }

  @Override
  public String toString() {
    return "CompletionTrimmer";
  }
}
