package dev.codexcontinue.core.discovery;

import dev.codexcontinue.api.exception.ConfigurationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The factories of one SPI found on a class loader, selectable by id. Selection is a pure function
 * over the list, so it is tested with plain lists; only {@link #load} touches {@link
 * ServiceLoader}.
 *
 * @param <F> the factory type
 */
public final class FactoryCatalog<F> {
  private static final Logger log = LoggerFactory.getLogger(FactoryCatalog.class);

  private final String kind;
  private final List<F> factories;
  private final Function<F, String> idOf;

  private FactoryCatalog(String kind, List<F> factories, Function<F, String> idOf) {
    this.kind = kind;
    this.factories = List.copyOf(factories);
    this.idOf = idOf;
  }

  /** Returns a catalog over {@code factories}; {@code kind} names them in errors ("provider"). */
  public static <F> FactoryCatalog<F> of(String kind, List<F> factories, Function<F, String> idOf) {
    return new FactoryCatalog<>(
        Objects.requireNonNull(kind, "kind == null"),
        Objects.requireNonNull(factories, "factories == null"),
        Objects.requireNonNull(idOf, "idOf == null"));
  }

  /**
   * Returns a catalog of the factories of {@code type} registered on {@code loader}. A broken entry
   * (a missing class, a constructor that throws) is logged at WARN and skipped.
   */
  public static <F> FactoryCatalog<F> load(
      String kind, Class<F> type, ClassLoader loader, Function<F, String> idOf) {
    List<F> found = new ArrayList<>();
    Iterator<F> it = ServiceLoader.load(type, loader).iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          break;
        }
        found.add(it.next());
      } catch (ServiceConfigurationError e) {
        log.warn("skipping a broken {} registration: {}", kind, e.getMessage());
      }
    }
    return of(kind, found, idOf);
  }

  /** Returns the ids of the factories, sorted. */
  public Set<String> ids() {
    Set<String> ids = new TreeSet<>();
    for (F f : factories) {
      ids.add(idOf.apply(f));
    }
    return ids;
  }

  /**
   * Returns the factory with {@code id}.
   *
   * @throws ConfigurationException when none has it (listing the known ids) or several do (naming
   *     their classes)
   */
  public F select(String id) {
    Objects.requireNonNull(id, "id == null");
    List<F> matches = new ArrayList<>();
    for (F f : factories) {
      if (id.equals(idOf.apply(f))) {
        matches.add(f);
      }
    }
    if (matches.isEmpty()) {
      throw new ConfigurationException(
          "no "
              + kind
              + " with id '"
              + id
              + "'; known: "
              + ids()
              + " (is its module on the class path?)");
    }
    if (matches.size() > 1) {
      List<String> classes = matches.stream().map(f -> f.getClass().getName()).toList();
      throw new ConfigurationException(
          "several " + kind + " factories have the id '" + id + "': " + classes);
    }
    return matches.get(0);
  }

  /** Returns the thread's context class loader, or the SDK's own when there is none. */
  static ClassLoader defaultLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : FactoryCatalog.class.getClassLoader();
  }
}
