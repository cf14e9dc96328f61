package dev.codexcontinue.provider.ollama;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's fill-in-the-middle prompt format, for raw completions ({@code raw: true}), where the
 * provider writes the whole prompt instead of sending {@code prompt} and {@code suffix} through the
 * model's own template. Raw mode reaches FIM-trained models whose Ollama template lacks the {@code
 * insert} capability, and base models served under a custom name. Immutable.
 *
 * <pre>{@code
 * FimTemplate.of("<PRE> {prefix} <SUF>{suffix} <MID>", List.of("<EOT>"));
 * }</pre>
 */
public final class FimTemplate {
  /** CodeLlama: {@code <PRE> prefix <SUF>suffix <MID>}. */
  public static final FimTemplate CODELLAMA =
      of("<PRE> {prefix} <SUF>{suffix} <MID>", List.of("<EOT>"));

  /** DeepSeek-Coder: {@code <｜fim▁begin｜>prefix<｜fim▁hole｜>suffix<｜fim▁end｜>}. */
  public static final FimTemplate DEEPSEEK_CODER =
      of(
          "<\uFF5Cfim\u2581begin\uFF5C>{prefix}<\uFF5Cfim\u2581hole\uFF5C>{suffix}"
              + "<\uFF5Cfim\u2581end\uFF5C>",
          List.of("<\uFF5Cend\u2581of\u2581sentence\uFF5C>"));

  /**
   * Qwen2.5-Coder and CodeGemma: {@code <|fim_prefix|>prefix<|fim_suffix|>suffix<|fim_middle|>}.
   */
  public static final FimTemplate QWEN_CODER =
      of(
          "<|fim_prefix|>{prefix}<|fim_suffix|>{suffix}<|fim_middle|>",
          List.of("<|endoftext|>", "<|file_sep|>", "<|file_separator|>", "<|fim_pad|>"));

  /** StarCoder and StarCoder2: {@code <fim_prefix>prefix<fim_suffix>suffix<fim_middle>}. */
  public static final FimTemplate STARCODER =
      of(
          "<fim_prefix>{prefix}<fim_suffix>{suffix}<fim_middle>",
          List.of("<|endoftext|>", "<file_sep>"));

  /** Codestral: {@code [SUFFIX]suffix[PREFIX]prefix}, suffix first. */
  public static final FimTemplate CODESTRAL = of("[SUFFIX]{suffix}[PREFIX]{prefix}", List.of());

  private static final String PREFIX = "{prefix}";
  private static final String SUFFIX = "{suffix}";

  private final String pattern;
  private final List<String> stop;

  private FimTemplate(String pattern, List<String> stop) {
    this.pattern = pattern;
    this.stop = stop;
  }

  /**
   * Returns a template: {@code pattern} holds {@code {prefix}} and {@code {suffix}} once each;
   * {@code stop} are sequences that end the completion (the model's end-of-text tokens).
   *
   * @throws IllegalArgumentException when a placeholder is missing or repeated
   */
  public static FimTemplate of(String pattern, List<String> stop) {
    Objects.requireNonNull(pattern, "pattern == null");
    for (String placeholder : List.of(PREFIX, SUFFIX)) {
      int first = pattern.indexOf(placeholder);
      if (first < 0 || pattern.indexOf(placeholder, first + 1) >= 0) {
        throw new IllegalArgumentException("the pattern must hold " + placeholder + " once");
      }
    }
    return new FimTemplate(pattern, List.copyOf(Objects.requireNonNull(stop, "stop == null")));
  }

  /**
   * Returns the template of a known model family, guessed from the model name ({@code
   * codellama:7b-code}, {@code qwen2.5-coder:1.5b-base}, {@code deepseek-coder}, {@code codegemma},
   * {@code starcoder2}, {@code codestral}); empty for other names.
   */
  public static Optional<FimTemplate> forModel(String model) {
    String m = Objects.requireNonNull(model, "model == null").toLowerCase(Locale.ROOT);
    if (m.contains("codellama")) {
      return Optional.of(CODELLAMA);
    }
    if (m.contains("deepseek-coder")) {
      return Optional.of(DEEPSEEK_CODER);
    }
    if (m.contains("qwen") && m.contains("coder") || m.contains("codegemma")) {
      return Optional.of(QWEN_CODER);
    }
    if (m.contains("starcoder")) {
      return Optional.of(STARCODER);
    }
    return m.contains("codestral") ? Optional.of(CODESTRAL) : Optional.empty();
  }

  /**
   * Returns the prompt for a cursor between {@code prefix} and {@code suffix}. The texts are
   * inserted once: placeholders inside them are not expanded.
   */
  public String render(String prefix, String suffix) {
    Objects.requireNonNull(prefix, "prefix == null");
    Objects.requireNonNull(suffix, "suffix == null");
    int p = pattern.indexOf(PREFIX);
    int s = pattern.indexOf(SUFFIX);
    boolean prefixFirst = p < s;
    int firstAt = prefixFirst ? p : s;
    int secondAt = prefixFirst ? s : p;
    String first = prefixFirst ? prefix : suffix;
    String second = prefixFirst ? suffix : prefix;
    int placeholder = PREFIX.length(); // both placeholders have the same length
    return pattern.substring(0, firstAt)
        + first
        + pattern.substring(firstAt + placeholder, secondAt)
        + second
        + pattern.substring(secondAt + placeholder);
  }

  /** Returns the pattern, with its {@code {prefix}} and {@code {suffix}} placeholders. */
  public String pattern() {
    return pattern;
  }

  /** Returns the stop sequences sent with raw completions that use this template. */
  public List<String> stop() {
    return stop;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FimTemplate t && t.pattern.equals(pattern) && t.stop.equals(stop);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pattern, stop);
  }

  @Override
  public String toString() {
    return "FimTemplate[" + pattern + "]";
  }
}
