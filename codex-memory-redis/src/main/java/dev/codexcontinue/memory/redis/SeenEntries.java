package dev.codexcontinue.memory.redis;

import dev.codexcontinue.api.memory.SessionKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entries this store instance has read or written, per session: what a {@code replace} may
 * drop. An entry another instance appended since is not here, so the replace script keeps it. The
 * most recently used sessions are tracked, up to a cap.
 */
final class SeenEntries {
  /** One stored message: its entry id and its JSON. */
  record Entry(String id, String json) {
    String encoded() {
      return id + " " + json;
    }

    static Optional<Entry> decode(String encoded) {
      int space = encoded.indexOf(' ');
      return space <= 0
          ? Optional.empty()
          : Optional.of(new Entry(encoded.substring(0, space), encoded.substring(space + 1)));
    }
  }

  private final Map<SessionKey, List<Entry>> sessions;

  SeenEntries(int maxSessions) {
    this.sessions =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<SessionKey, List<Entry>> eldest) {
            return size() > maxSessions;
          }
        };
  }

  synchronized void loaded(SessionKey key, List<Entry> entries) {
    sessions.put(key, new ArrayList<>(entries));
  }

  synchronized void appended(SessionKey key, List<Entry> entries) {
    sessions.computeIfAbsent(key, k -> new ArrayList<>()).addAll(entries);
  }

  synchronized Optional<List<Entry>> seen(SessionKey key) {
    List<Entry> seen = sessions.get(key);
    return seen == null ? Optional.empty() : Optional.of(List.copyOf(seen));
  }

  synchronized void forget(SessionKey key) {
    sessions.remove(key);
  }

  synchronized void clear() {
    sessions.clear();
  }
}
