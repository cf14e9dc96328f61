package dev.codexcontinue.plugins.docs;

import dev.codexcontinue.api.Secret;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.plugins.docs.internal.ConfinedRoot;
import dev.codexcontinue.plugins.docs.internal.DocsConfig;
import dev.codexcontinue.plugins.docs.internal.DocsGrepTool;
import dev.codexcontinue.plugins.docs.internal.DocsListTool;
import dev.codexcontinue.plugins.docs.internal.DocsReadTool;
import dev.codexcontinue.plugins.docs.internal.DocsSearchTool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The docs tools over one root directory: {@code docs_list}, {@code docs_read} (with line ranges)
 * and {@code docs_grep} (a regex search bounded in steps and time), plus {@code docs_search}
 * (retrieval with citations {@code path:start-end}) when a {@link DocsIndexer} is given. They only
 * read, so their default permission is {@code ALLOW}.
 *
 * <p>Every path is confined to the root: resolved against its real path, symbolic links followed
 * before the check (a link out of the root is refused, even to a file that does not exist yet),
 * NUL, {@code :} and Windows device names refused, the file opened without following a link and
 * checked again after opening. Files over the size cap (1 MiB by default) and binary files are
 * refused. Registered secret values are masked in everything the tools return.
 *
 * <pre>{@code
 * DocsTools docs = DocsTools.builder().root(Path.of("docs")).index(indexer).build();
 * Agent agent = Agent.builder().provider(provider).tools(docs.tools()).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class DocsTools {
  /** The default cap on a file's size: 1 MiB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 1 << 20;

  /** The largest cap on a file's size that can be set: 64 MiB. */
  public static final long MAX_FILE_BYTES_LIMIT = 64L << 20;

  private final ConfinedRoot root;
  private final List<Tool> tools;
  @Nullable private final DocsIndexer indexer;

  private DocsTools(ConfinedRoot root, List<Tool> tools, @Nullable DocsIndexer indexer) {
    this.root = root;
    this.tools = List.copyOf(tools);
    this.indexer = indexer;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the tools: list, read, grep, and search when an indexer was given. */
  public List<Tool> tools() {
    return tools;
  }

  /** Returns the real path of the root. */
  public Path root() {
    return root.root();
  }

  /** Returns the indexer behind {@code docs_search}, when there is one. */
  public Optional<DocsIndexer> indexer() {
    return Optional.ofNullable(indexer);
  }

  static long checkFileBytes(long bytes) {
    if (bytes < 1 || bytes > MAX_FILE_BYTES_LIMIT) {
      throw new IllegalArgumentException(
          "maxFileBytes must be in [1, " + MAX_FILE_BYTES_LIMIT + "], was " + bytes);
    }
    return bytes;
  }

  @Override
  public String toString() {
    return "DocsTools[" + root.root() + ", tools=" + tools.size() + "]";
  }

  /** Builds {@link DocsTools}. Not thread-safe. */
  public static final class Builder {
    @Nullable private Path root;
    private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
    private int maxListEntries = 1000;
    private int maxGrepMatches = 100;
    private Duration grepTimeout = Duration.ofSeconds(2);
    private int maxOutputChars = 64 * 1024;
    @Nullable private DocsIndexer indexer;
    private final List<String> secrets = new ArrayList<>();

    private Builder() {}

    /** Sets the directory the tools may read (required). */
    public Builder root(Path root) {
      this.root = Objects.requireNonNull(root, "root == null");
      return this;
    }

    /** Sets the largest file read; 1 MiB by default, at most 64 MiB. */
    public Builder maxFileBytes(long bytes) {
      this.maxFileBytes = checkFileBytes(bytes);
      return this;
    }

    /** Sets the most entries {@code docs_list} returns; 1,000 by default. */
    public Builder maxListEntries(int entries) {
      this.maxListEntries = atLeastOne(entries, "maxListEntries");
      return this;
    }

    /** Sets the most matches {@code docs_grep} returns; 100 by default, at most 1,000. */
    public Builder maxGrepMatches(int matches) {
      if (matches > 1000) {
        throw new IllegalArgumentException("maxGrepMatches must be <= 1000, was " + matches);
      }
      this.maxGrepMatches = atLeastOne(matches, "maxGrepMatches");
      return this;
    }

    /** Sets how long one {@code docs_grep} may run; 2 s by default. */
    public Builder grepTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("grepTimeout must be positive, was " + timeout);
      }
      this.grepTimeout = timeout;
      return this;
    }

    /** Sets the most characters one tool result holds; 64 Ki by default. */
    public Builder maxOutputChars(int chars) {
      if (chars < 1024) {
        throw new IllegalArgumentException("maxOutputChars must be >= 1024, was " + chars);
      }
      this.maxOutputChars = chars;
      return this;
    }

    /** Adds {@code docs_search} over {@code indexer}, whose root must be this root. */
    public Builder index(DocsIndexer indexer) {
      this.indexer = Objects.requireNonNull(indexer, "indexer == null");
      return this;
    }

    /** Registers secret values, masked in everything the tools return. */
    public Builder secrets(Collection<String> values) {
      secrets.addAll(List.copyOf(Objects.requireNonNull(values, "values == null")));
      return this;
    }

    /** Registers one secret; see {@link #secrets(Collection)}. */
    public Builder secret(Secret secret) {
      secrets.add(Objects.requireNonNull(secret, "secret == null").reveal());
      return this;
    }

    /**
     * Returns the tools.
     *
     * @throws IllegalStateException when no root was set
     * @throws IllegalArgumentException when the root is not an existing directory, or the indexer's
     *     root differs from it
     */
    public DocsTools build() {
      if (root == null) {
        throw new IllegalStateException("root is required");
      }
      ConfinedRoot confined = ConfinedRoot.of(root);
      DocsConfig config =
          new DocsConfig(
              confined,
              maxFileBytes,
              maxListEntries,
              maxGrepMatches,
              grepTimeout,
              maxOutputChars,
              Redactor.create().registerAll(secrets));
      List<Tool> tools = new ArrayList<>();
      tools.add(new DocsListTool(config));
      tools.add(new DocsReadTool(config));
      tools.add(new DocsGrepTool(config));
      if (indexer != null) {
        if (!indexer.root().equals(confined.root())) {
          throw new IllegalArgumentException(
              "the indexer's root " + indexer.root() + " differs from " + confined.root());
        }
        tools.add(new DocsSearchTool(config, indexer));
      }
      return new DocsTools(confined, tools, indexer);
    }

    private static int atLeastOne(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be >= 1, was " + value);
      }
      return value;
    }
  }
}
