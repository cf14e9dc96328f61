package dev.codexcontinue.provider.openai;

import dev.codexcontinue.api.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What Azure OpenAI's content filter found in a prompt or a completion, category by category. Any
 * category may be missing: the service reports only what its configuration checks. Immutable.
 *
 * <pre>{@code
 * ChatResponse response = azure.chat(request);
 * ContentFilterResults.ofCompletion(response)
 *     .flatMap(ContentFilterResults::protectedMaterialCode)
 *     .ifPresent(code -> System.out.println("cites " + code.url() + " under " + code.license()));
 * }</pre>
 */
public final class ContentFilterResults {
  private final Map<String, Object> raw;

  private ContentFilterResults(Map<String, Object> raw) {
    this.raw = Map.copyOf(raw);
  }

  /**
   * A category rated by severity: {@code hate}, {@code sexual}, {@code violence}, {@code
   * self_harm}.
   */
  public record Severity(boolean filtered, String severity) {
    /** Checks the severity. */
    public Severity {
      Objects.requireNonNull(severity, "severity == null");
    }
  }

  /** A category that is detected or not: {@code profanity}, {@code jailbreak}, protected text. */
  public record Detection(boolean filtered, boolean detected) {}

  /** Protected code found in a completion, with the source it matches. */
  public record CodeCitation(boolean filtered, boolean detected, String url, String license) {
    /** Checks the components. */
    public CodeCitation {
      Objects.requireNonNull(url, "url == null");
      Objects.requireNonNull(license, "license == null");
    }
  }

  /** A custom blocklist and whether it filtered. */
  public record Blocklist(boolean filtered, String id) {
    /** Checks the id. */
    public Blocklist {
      Objects.requireNonNull(id, "id == null");
    }
  }

  /** Returns the results of a raw {@code content_filter_results} object. */
  public static ContentFilterResults of(Map<String, ?> raw) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>();
    Objects.requireNonNull(raw, "raw == null").forEach(copy::put);
    return new ContentFilterResults(copy);
  }

  /** Returns the filter results of a response's completion (choice 0), if the service sent any. */
  public static Optional<ContentFilterResults> ofCompletion(ChatResponse response) {
    Object raw = response.providerData().get("content_filter_results");
    return raw instanceof Map<?, ?> map ? Optional.of(of(strings(map))) : Optional.empty();
  }

  /**
   * Returns the filter results of a response's prompts, in prompt order; the asynchronous filter's
   * {@code prompt_annotations} are read the same way.
   */
  public static List<ContentFilterResults> ofPrompts(ChatResponse response) {
    Object raw = response.providerData().get("prompt_filter_results");
    if (raw == null) {
      raw = response.providerData().get("prompt_annotations");
    }
    List<ContentFilterResults> results = new ArrayList<>();
    if (raw instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> entry
            && entry.get("content_filter_results") instanceof Map<?, ?> map) {
          results.add(of(strings(map)));
        }
      }
    }
    return results;
  }

  /** Returns the {@code hate} rating. */
  public Optional<Severity> hate() {
    return severity("hate");
  }

  /** Returns the {@code sexual} rating. */
  public Optional<Severity> sexual() {
    return severity("sexual");
  }

  /** Returns the {@code violence} rating. */
  public Optional<Severity> violence() {
    return severity("violence");
  }

  /** Returns the {@code self_harm} rating. */
  public Optional<Severity> selfHarm() {
    return severity("self_harm");
  }

  /** Returns the {@code profanity} detection. */
  public Optional<Detection> profanity() {
    return detection("profanity");
  }

  /** Returns the {@code jailbreak} detection (prompts only). */
  public Optional<Detection> jailbreak() {
    return detection("jailbreak");
  }

  /** Returns the {@code indirect_attack} detection (prompts only). */
  public Optional<Detection> indirectAttack() {
    return detection("indirect_attack");
  }

  /** Returns the {@code protected_material_text} detection (completions only). */
  public Optional<Detection> protectedMaterialText() {
    return detection("protected_material_text");
  }

  /** Returns the {@code protected_material_code} detection and citation (completions only). */
  public Optional<CodeCitation> protectedMaterialCode() {
    if (!(raw.get("protected_material_code") instanceof Map<?, ?> m)) {
      return Optional.empty();
    }
    Map<?, ?> citation = m.get("citation") instanceof Map<?, ?> c ? c : Map.of();
    return Optional.of(
        new CodeCitation(
            flag(m, "filtered"),
            flag(m, "detected"),
            str(citation, "URL"),
            str(citation, "license")));
  }

  /** Returns the custom blocklists that were checked. */
  public List<Blocklist> customBlocklists() {
    List<Blocklist> lists = new ArrayList<>();
    Object raw = this.raw.get("custom_blocklists");
    if (raw instanceof Map<?, ?> m && m.get("details") instanceof List<?> details) {
      raw = details;
    }
    if (raw instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> m) {
          lists.add(new Blocklist(flag(m, "filtered"), str(m, "id")));
        }
      }
    }
    return lists;
  }

  /** Returns the service's message when filtering itself failed. */
  public Optional<String> error() {
    return raw.get("error") instanceof Map<?, ?> m
        ? Optional.of(str(m, "message").isEmpty() ? str(m, "code") : str(m, "message"))
        : Optional.empty();
  }

  /** Returns whether any category filtered the content. */
  public boolean isFiltered() {
    for (Object value : raw.values()) {
      if (value instanceof Map<?, ?> m && flag(m, "filtered")) {
        return true;
      }
    }
    return customBlocklists().stream().anyMatch(Blocklist::filtered);
  }

  /** Returns the raw results, keyed by the service's category names. */
  public Map<String, Object> raw() {
    return raw;
  }

  @Override
  public String toString() {
    return "ContentFilterResults[categories=" + raw.keySet() + ", filtered=" + isFiltered() + "]";
  }

  private Optional<Severity> severity(String key) {
    return raw.get(key) instanceof Map<?, ?> m
        ? Optional.of(new Severity(flag(m, "filtered"), str(m, "severity")))
        : Optional.empty();
  }

  private Optional<Detection> detection(String key) {
    return raw.get(key) instanceof Map<?, ?> m
        ? Optional.of(new Detection(flag(m, "filtered"), flag(m, "detected")))
        : Optional.empty();
  }

  private static String str(Map<?, ?> m, String key) {
    Object value = m.get(key);
    return value == null ? "" : String.valueOf(value);
  }

  private static boolean flag(Map<?, ?> m, String key) {
    return Boolean.TRUE.equals(m.get(key));
  }

  private static Map<String, Object> strings(Map<?, ?> map) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
  }
}
