package dev.codexcontinue.api;

import dev.codexcontinue.api.internal.JsonValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import javax.annotation.Nullable;

/**
 * A code-completion (fill-in-the-middle) call, the same for every provider that completes code: the
 * text before and after the cursor, the language and file, related code, and sampling options.
 * Immutable.
 */
public final class CompletionRequest {
  private final String prefix;
  private final String suffix;
  @Nullable private final String language;
  @Nullable private final String filePath;
  @Nullable private final String gitUrl;
  @Nullable private final String clipboard;
  private final List<CodeSnippet> snippets;
  @Nullable private final String model;
  @Nullable private final Integer maxOutputTokens;
  @Nullable private final Double temperature;
  @Nullable private final Long seed;
  private final List<String> stop;
  @Nullable private final String user;
  private final Map<String, Object> providerOptions;

  private CompletionRequest(Builder b) {
    this.prefix = b.prefix;
    this.suffix = b.suffix;
    this.language = b.language;
    this.filePath = b.filePath;
    this.gitUrl = b.gitUrl;
    this.clipboard = b.clipboard;
    this.snippets = List.copyOf(b.snippets);
    this.model = b.model;
    this.maxOutputTokens = b.maxOutputTokens;
    this.temperature = b.temperature;
    this.seed = b.seed;
    this.stop = List.copyOf(b.stop);
    this.user = b.user;
    this.providerOptions = JsonValues.copyOf(b.providerOptions, "providerOptions");
  }

  /** Returns a builder for a completion at the cursor between {@code prefix} and {@code suffix}. */
  public static Builder builder(String prefix, String suffix) {
    return new Builder(prefix, suffix);
  }

  /** Returns the text before the cursor. */
  public String prefix() {
    return prefix;
  }

  /** Returns the text after the cursor; empty at the end of a file. */
  public String suffix() {
    return suffix;
  }

  /** Returns the language id, for example {@code java} or {@code python}. */
  public Optional<String> language() {
    return Optional.ofNullable(language);
  }

  /** Returns the path of the file being edited. */
  public Optional<String> filePath() {
    return Optional.ofNullable(filePath);
  }

  /** Returns the URL of the file's git repository. */
  public Optional<String> gitUrl() {
    return Optional.ofNullable(gitUrl);
  }

  /** Returns the clipboard's text, which editors send as a hint. */
  public Optional<String> clipboard() {
    return Optional.ofNullable(clipboard);
  }

  /** Returns related code: declarations and snippets from other files. */
  public List<CodeSnippet> snippets() {
    return snippets;
  }

  /** Returns the model; empty means the provider's default. */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /** Returns the maximum number of tokens to generate. */
  public OptionalInt maxOutputTokens() {
    return maxOutputTokens == null ? OptionalInt.empty() : OptionalInt.of(maxOutputTokens);
  }

  /** Returns the temperature. */
  public OptionalDouble temperature() {
    return temperature == null ? OptionalDouble.empty() : OptionalDouble.of(temperature);
  }

  /** Returns the seed. */
  public OptionalLong seed() {
    return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
  }

  /** Returns the stop sequences. */
  public List<String> stop() {
    return stop;
  }

  /** Returns the end-user id. */
  public Optional<String> user() {
    return Optional.ofNullable(user);
  }

  /** Returns provider-specific options, sent as they are. */
  public Map<String, Object> providerOptions() {
    return providerOptions;
  }

  /** Returns a builder pre-filled with this request. */
  public Builder toBuilder() {
    Builder b = new Builder(prefix, suffix);
    b.language = language;
    b.filePath = filePath;
    b.gitUrl = gitUrl;
    b.clipboard = clipboard;
    b.snippets.addAll(snippets);
    b.model = model;
    b.maxOutputTokens = maxOutputTokens;
    b.temperature = temperature;
    b.seed = seed;
    b.stop.addAll(stop);
    b.user = user;
    b.providerOptions.putAll(providerOptions);
    return b;
  }

  @Override
  public String toString() {
    return "CompletionRequest[file="
        + filePath
        + ", language="
        + language
        + ", prefix="
        + prefix.length()
        + " chars, suffix="
        + suffix.length()
        + " chars, snippets="
        + snippets.size()
        + "]";
  }

  /** Builds a {@link CompletionRequest}. Not thread-safe. */
  public static final class Builder {
    private final String prefix;
    private final String suffix;
    @Nullable private String language;
    @Nullable private String filePath;
    @Nullable private String gitUrl;
    @Nullable private String clipboard;
    private final List<CodeSnippet> snippets = new ArrayList<>();
    @Nullable private String model;
    @Nullable private Integer maxOutputTokens;
    @Nullable private Double temperature;
    @Nullable private Long seed;
    private final List<String> stop = new ArrayList<>();
    @Nullable private String user;
    private final Map<String, Object> providerOptions = new LinkedHashMap<>();

    private Builder(String prefix, String suffix) {
      this.prefix = Objects.requireNonNull(prefix, "prefix == null");
      this.suffix = Objects.requireNonNull(suffix, "suffix == null");
    }

    /** Sets the language id. */
    public Builder language(String language) {
      this.language = Objects.requireNonNull(language, "language == null");
      return this;
    }

    /** Sets the file path. */
    public Builder filePath(String filePath) {
      this.filePath = Objects.requireNonNull(filePath, "filePath == null");
      return this;
    }

    /** Sets the git repository URL. */
    public Builder gitUrl(String gitUrl) {
      this.gitUrl = Objects.requireNonNull(gitUrl, "gitUrl == null");
      return this;
    }

    /** Sets the clipboard text. */
    public Builder clipboard(String clipboard) {
      this.clipboard = Objects.requireNonNull(clipboard, "clipboard == null");
      return this;
    }

    /** Appends a related snippet. */
    public Builder addSnippet(CodeSnippet snippet) {
      snippets.add(Objects.requireNonNull(snippet, "snippet == null"));
      return this;
    }

    /** Sets the model. */
    public Builder model(String model) {
      this.model = Objects.requireNonNull(model, "model == null");
      return this;
    }

    /** Sets the maximum number of output tokens. */
    public Builder maxOutputTokens(int maxOutputTokens) {
      if (maxOutputTokens <= 0) {
        throw new IllegalArgumentException("maxOutputTokens must be > 0");
      }
      this.maxOutputTokens = maxOutputTokens;
      return this;
    }

    /** Sets the temperature, 0 to 2. */
    public Builder temperature(double temperature) {
      if (!(temperature >= 0 && temperature <= 2)) {
        throw new IllegalArgumentException("temperature must be in [0, 2], was " + temperature);
      }
      this.temperature = temperature;
      return this;
    }

    /** Sets the seed. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Replaces the stop sequences. */
    public Builder stop(List<String> stop) {
      Objects.requireNonNull(stop, "stop == null");
      this.stop.clear();
      for (String s : stop) {
        this.stop.add(Objects.requireNonNull(s, "stop sequence == null"));
      }
      return this;
    }

    /** Sets the end-user id. */
    public Builder user(String user) {
      this.user = Objects.requireNonNull(user, "user == null");
      return this;
    }

    /** Sets a provider-specific option. */
    public Builder providerOption(String name, Object value) {
      providerOptions.put(
          Objects.requireNonNull(name, "name == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /** Returns the request. */
    public CompletionRequest build() {
      return new CompletionRequest(this);
    }
  }
}
