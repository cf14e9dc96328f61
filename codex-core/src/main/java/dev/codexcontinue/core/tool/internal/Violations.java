package dev.codexcontinue.core.tool.internal;

import java.util.ArrayList;
import java.util.List;

/** Collects schema violations, keeping the first few messages and counting the rest. */
final class Violations {
  /** How many messages are kept; the model cannot use a thousand of them anyway. */
  static final int MAX_KEPT = 20;

  private final List<String> messages = new ArrayList<>();
  private int count;

  void add(String pointer, String message) {
    count++;
    if (messages.size() < MAX_KEPT) {
      messages.add(pointer + ": " + message);
    }
  }

  void addAll(Violations other) {
    for (String message : other.messages) {
      count++;
      if (messages.size() < MAX_KEPT) {
        messages.add(message);
      }
    }
    count += other.count - other.messages.size();
  }

  boolean isEmpty() {
    return count == 0;
  }

  int count() {
    return count;
  }

  /** Returns the first message, for summaries of anyOf/oneOf branches. */
  String first() {
    return messages.isEmpty() ? "" : messages.get(0);
  }

  /** Returns the kept messages, followed by a count of those left out. */
  List<String> toList() {
    List<String> list = new ArrayList<>(messages);
    if (count > messages.size()) {
      list.add("... and " + (count - messages.size()) + " more violations");
    }
    return List.copyOf(list);
  }
}
