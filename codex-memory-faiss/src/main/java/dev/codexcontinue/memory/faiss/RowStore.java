package dev.codexcontinue.memory.faiss;

import java.util.BitSet;

/** An index whose rows can be removed, renumbering the rest in order; what an id map needs. */
interface RowStore {
  /** Removes the rows set in {@code rows}; later rows move down and keep their order. */
  void removeRows(BitSet rows);
}
