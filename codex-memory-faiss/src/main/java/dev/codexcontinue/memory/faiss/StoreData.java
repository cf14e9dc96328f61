package dev.codexcontinue.memory.faiss;

import java.util.HashMap;
import java.util.Map;

/**
 * The in-memory state of a store: the FAISS index (an {@code IxM2} keyed by label) and, per label,
 * the record's id, text and metadata. Guarded by the store's locks.
 */
final class StoreData {
  final IdMapIndex index;
  final Map<String, Long> labels = new HashMap<>();
  final Map<Long, StoredRecord> records = new HashMap<>();
  long nextLabel;

  StoreData(IdMapIndex index) {
    this.index = index;
  }

  /** A record without its vector (that lives in the index). */
  record StoredRecord(long label, String id, String text, Map<String, Object> metadata) {}

  void put(StoredRecord r) {
    labels.put(r.id(), r.label());
    records.put(r.label(), r);
    nextLabel = Math.max(nextLabel, r.label() + 1);
  }
}
