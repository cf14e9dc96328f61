package dev.codexcontinue.core.prompt;

import dev.codexcontinue.api.PromptTemplate;
import dev.codexcontinue.api.exception.TemplateException;
import dev.codexcontinue.api.spi.PromptTemplateFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Named prompt templates. A name resolves, first match wins, to: a template given to the builder; a
 * resource {@code codex/prompts/<name>.md} on the application's class path (how applications
 * override a built-in without code); the built-in of that name. Templates are compiled once and
 * cached. Thread-safe.
 *
 * <pre>{@code
 * PromptLibrary prompts = PromptLibrary.builder()
 *     .put("greeter", "Hello {{user}}, today is {{date}}.")
 *     .build();
 * String system = prompts.render(PromptLibrary.CODING_ASSISTANT, Map.of("date", "2026-11-24"));
 * }</pre>
 */
public final class PromptLibrary {
  /** Built-in system prompt of a coding assistant; variables {@code date}, {@code user}. */
  public static final String CODING_ASSISTANT = "coding-assistant";

  /** Built-in system prompt of a code reviewer; variables {@code date}, {@code user}. */
  public static final String CODE_REVIEWER = "code-reviewer";

  /** Built-in system prompt of a shell helper; variables {@code date}, {@code user}. */
  public static final String SHELL_HELPER = "shell-helper";

  /** Built-in frame for long-term memories put before a user message; variable {@code memories}. */
  public static final String MEMORY_CONTEXT = "memory-context";

  /** Where applications put templates that override or add to the built-ins. */
  public static final String OVERRIDE_DIRECTORY = "codex/prompts/";

  private static final String BUILTIN_DIRECTORY = "dev/codexcontinue/core/prompt/";
  private static final Set<String> BUILTINS =
      Set.of(CODING_ASSISTANT, CODE_REVIEWER, SHELL_HELPER, MEMORY_CONTEXT);
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final int MAX_RESOURCE_BYTES = 1 << 20;

  private final PromptTemplateFactory engine;
  private final Map<String, String> given;
  @Nullable private final ClassLoader classLoader;
  private final Map<String, PromptTemplate> compiled = new ConcurrentHashMap<>();

  private PromptLibrary(Builder b) {
    this.engine = b.engine;
    this.given = Map.copyOf(b.given);
    this.classLoader = b.classLoader;
  }

  /** Returns a library of the built-ins with class-path overrides, on the default engine. */
  public static PromptLibrary defaults() {
    return builder().build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the template called {@code name}.
   *
   * @throws TemplateException when no template has that name, listing the known ones
   */
  public PromptTemplate get(String name) {
    Objects.requireNonNull(name, "name == null");
    PromptTemplate cached = compiled.get(name);
    if (cached != null) {
      return cached;
    }
    String source =
        find(name)
            .orElseThrow(
                () -> new TemplateException("unknown template '" + name + "'; known: " + names()));
    return compiled.computeIfAbsent(name, n -> engine.create(n, source));
  }

  /** Renders the template called {@code name} with {@code values}. */
  public String render(String name, Map<String, ?> values) {
    return get(name).render(values);
  }

  /** Returns the names of the built-ins and of the templates given to the builder. */
  public Set<String> names() {
    Set<String> names = new TreeSet<>(BUILTINS);
    names.addAll(given.keySet());
    return names;
  }

  private Optional<String> find(String name) {
    String source = given.get(name);
    if (source != null) {
      return Optional.of(source);
    }
    if (!NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    ClassLoader loader = classLoader != null ? classLoader : contextLoader();
    Optional<String> override = read(loader, OVERRIDE_DIRECTORY + name + ".md");
    if (override.isPresent()) {
      return override;
    }
    return BUILTINS.contains(name)
        ? read(PromptLibrary.class.getClassLoader(), BUILTIN_DIRECTORY + name + ".md")
        : Optional.empty();
  }

  private static ClassLoader contextLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : PromptLibrary.class.getClassLoader();
  }

  private static Optional<String> read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] bytes = in.readNBytes(MAX_RESOURCE_BYTES + 1);
      if (bytes.length > MAX_RESOURCE_BYTES) {
        throw new TemplateException(resource + " is larger than " + MAX_RESOURCE_BYTES + " bytes");
      }
      return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Builds a {@link PromptLibrary}. Not thread-safe. */
  public static final class Builder {
    private PromptTemplateFactory engine = new DefaultTemplateEngine();
    private final Map<String, String> given = new LinkedHashMap<>();
    @Nullable private ClassLoader classLoader;

    private Builder() {}

    /** Sets the template engine; the default engine by default. */
    public Builder engine(PromptTemplateFactory engine) {
      this.engine = Objects.requireNonNull(engine, "engine == null");
      return this;
    }

    /** Adds (or overrides) the template {@code name}. */
    public Builder put(String name, String source) {
      given.put(
          Objects.requireNonNull(name, "name == null"),
          Objects.requireNonNull(source, "source == null"));
      return this;
    }

    /** Sets the class loader searched for overrides; the thread's context loader by default. */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader, "classLoader == null");
      return this;
    }

    /** Returns the library. */
    public PromptLibrary build() {
      return new PromptLibrary(this);
    }
  }
}
