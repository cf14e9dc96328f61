package dev.codexcontinue.core.completion.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The indexes of recently seen file versions, least recently used evicted first. Editors resend the
 * same open files on every keystroke, so each version is indexed once. Thread-safe.
 */
public final class FileIndexCache {
  private record Key(String path, String text) {}

  private static final int DOCUMENTS = 16;

  private final int windowLines;
  private final Map<Key, FileIndex> entries;
  private final Map<String, DocumentDeclarations> documents =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DocumentDeclarations> eldest) {
          return size() > DOCUMENTS;
        }
      };

  /** Creates a cache of at most {@code capacity} file versions. */
  public FileIndexCache(int capacity, int windowLines) {
    this.windowLines = windowLines;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, FileIndex> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Returns the index of {@code text}, computing it on first sight. */
  public FileIndex get(String path, String text) {
    Key key = new Key(path, text);
    synchronized (entries) {
      FileIndex index = entries.get(key);
      if (index != null) {
        return index;
      }
    }
    // Indexing runs outside the lock; two threads may both index one version, which is harmless.
    FileIndex index = FileIndex.of(text, windowLines);
    synchronized (entries) {
      entries.put(key, index);
    }
    return index;
  }

  /**
   * Returns the first declaration of each name in {@code wanted} on the lines of document {@code
   * text} (at {@code path}) that start outside {@code [from, to)}.
   */
  public Map<String, String> documentDeclarations(
      String path, String text, int from, int to, java.util.Set<String> wanted) {
    DocumentDeclarations document;
    synchronized (documents) {
      document = documents.computeIfAbsent(path, p -> new DocumentDeclarations());
    }
    return document.outside(text, from, to, wanted);
  }
}
