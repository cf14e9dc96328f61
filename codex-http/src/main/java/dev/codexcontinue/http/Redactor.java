package dev.codexcontinue.http;

import dev.codexcontinue.api.Secret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import okhttp3.Headers;

/**
 * Keeps secrets out of log lines and exception messages: the values of credential headers are
 * masked whole, and every registered secret value is replaced by {@code ****} wherever it appears.
 * Thread-safe; values can be registered at any time.
 *
 * <p>Values shorter than {@value #MIN_SECRET_LENGTH} characters are not registered, since masking
 * them would mangle ordinary text without protecting anything.
 */
public final class Redactor {
  /** The text that replaces a secret. */
  public static final String MASK = "****";

  /** The shortest value that is registered as a secret. */
  public static final int MIN_SECRET_LENGTH = 4;

  private static final Set<String> DEFAULT_HEADERS =
      Set.of(
          "authorization",
          "api-key",
          "x-api-key",
          "proxy-authorization",
          "cookie",
          "set-cookie",
          "x-amz-security-token");

  private final Set<String> headers = new CopyOnWriteArraySet<>(DEFAULT_HEADERS);
  private volatile List<String> secrets = List.of();

  private Redactor() {}

  /** Returns a redactor that masks the default credential headers and no values yet. */
  public static Redactor create() {
    return new Redactor();
  }

  /** Registers a secret value to mask; blank and short values are ignored. */
  public Redactor register(String value) {
    Objects.requireNonNull(value, "value == null");
    if (value.strip().length() < MIN_SECRET_LENGTH) {
      return this;
    }
    synchronized (this) {
      if (!secrets.contains(value)) {
        List<String> next = new ArrayList<>(secrets);
        next.add(value);
        // Longest first, so a secret that contains another is masked whole.
        next.sort(Comparator.comparingInt(String::length).reversed());
        secrets = List.copyOf(next);
      }
    }
    return this;
  }

  /** Registers the value of {@code secret}. */
  public Redactor register(Secret secret) {
    return register(Objects.requireNonNull(secret, "secret == null").reveal());
  }

  /** Registers every value of {@code values}, for example {@code Settings.secretValues()}. */
  public Redactor registerAll(Collection<String> values) {
    Objects.requireNonNull(values, "values == null").forEach(this::register);
    return this;
  }

  /** Adds a header whose value is always masked (case-insensitive). */
  public Redactor sensitiveHeader(String name) {
    headers.add(Objects.requireNonNull(name, "name == null").toLowerCase(Locale.ROOT));
    return this;
  }

  /** Returns whether the value of header {@code name} is masked. */
  public boolean isSensitiveHeader(String name) {
    return headers.contains(name.toLowerCase(Locale.ROOT));
  }

  /** Returns {@code text} with every registered secret replaced by {@link #MASK}. */
  public String redact(String text) {
    Objects.requireNonNull(text, "text == null");
    String result = text;
    for (String secret : secrets) {
      if (result.contains(secret)) {
        result = result.replace(secret, MASK);
      }
    }
    return result;
  }

  /** Formats headers one per line, masking credential headers and registered values. */
  public String redact(Headers headers) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      sb.append(name)
          .append(": ")
          .append(isSensitiveHeader(name) ? MASK : redact(headers.value(i)))
          .append('\n');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "Redactor[" + secrets.size() + " secrets, headers=" + headers + "]";
  }
}
