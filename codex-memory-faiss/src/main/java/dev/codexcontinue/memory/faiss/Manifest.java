package dev.codexcontinue.memory.faiss;

import java.util.List;

/**
 * What one committed generation of a store consists of: its settings, counts, and each data file
 * with its size and CRC32C. Serialized as JSON inside a checksummed container.
 */
record Manifest(
    long generation,
    String similarity,
    String index,
    int dimension,
    long count,
    long nextLabel,
    int hnswM,
    int hnswEfConstruction,
    String embeddingModel,
    List<FileEntry> files) {

  /** File name of the manifest of generation {@code gen}. */
  static String manifestName(long gen) {
    return "manifest-" + gen;
  }

  static String indexName(long gen) {
    return "index-" + gen + ".faiss";
  }

  static String recordsName(long gen) {
    return "records-" + gen + ".cxr";
  }

  /** Returns the generation of a manifest file name, or -1 for other names. */
  static long generationOf(String fileName) {
    if (!fileName.startsWith("manifest-")) {
      return -1;
    }
    String digits = fileName.substring("manifest-".length());
    if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Long.parseLong(digits);
  }

  /**
   * One data file of the generation.
   *
   * @param name file name inside the store directory
   * @param size its length in bytes
   * @param crc32c its CRC32C
   */
  record FileEntry(String name, long size, long crc32c) {}
}
