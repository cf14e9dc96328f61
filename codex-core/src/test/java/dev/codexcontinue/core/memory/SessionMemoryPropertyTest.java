package dev.codexcontinue.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.memory.SessionKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Seeded random add sequences against session memory (RELIABILITY 38): after every add the window
 * is within its caps, starts with the pinned system message (if any), never starts with a tool
 * result, never holds a tool result without its call nor a call without its results, and equals a
 * reference model computed from scratch.
 */
final class SessionMemoryPropertyTest {
  private static final long SEED = 38;
  private static final int SEQUENCES = 10_000;
  private static final SessionKey KEY = SessionKey.of("u", "s");

  /** Costs 1 to 3 tokens by text length, so token caps of 1..20 bind at different points. */
  private static final TokenCounter SMALL_COUNTS =
      m -> 1 + Math.floorMod(m.text().length() + m.toolCalls().size(), 3);

  /** One sequence's caps: exactly one of them binds. */
  private record Caps(int messages, int tokens) {}

  @Test
  void append_wholeUnits_windowBoundedValidAndEqualToReference() {
    for (int seq = 0; seq < SEQUENCES; seq++) {
      Random random = new Random(SEED * 1_000_003 + seq);
      Caps caps = randomCaps(random, seq);
      String context = "sequence " + seq + " " + caps;
      try (SessionMemory memory = memory(caps)) {
        ChatMessage system = maybeSystem(random, memory);
        List<List<ChatMessage>> appended = new ArrayList<>();
        int adds = 1 + random.nextInt(40);
        for (int add = 0; add < adds; add++) {
          List<ChatMessage> unit = randomUnit(random, "c" + add);
          memory.append(KEY, unit);
          appended.add(unit);
          List<ChatMessage> window = memory.messages(KEY);
          assertValid(window, system, caps, false, context + " add " + add);
          List<ChatMessage> expected = reference(system, appended, caps);
          if (!window.equals(expected)) {
            assertThat(window).as("%s add %d: reference model", context, add).isEqualTo(expected);
          }
        }
      }
    }
  }

  @Test
  void append_unitsSplitAcrossAppends_callWaitsForResultsOnlyAtTheEnd() {
    for (int seq = 0; seq < SEQUENCES; seq++) {
      Random random = new Random(SEED * 7_919 + seq);
      Caps caps = randomCaps(random, seq);
      String context = "split sequence " + seq + " " + caps;
      try (SessionMemory memory = memory(caps)) {
        ChatMessage system = maybeSystem(random, memory);
        int adds = 1 + random.nextInt(30);
        for (int add = 0; add < adds; add++) {
          List<ChatMessage> unit = randomUnit(random, "c" + add);
          if (!fitsAlone(unit, system, caps)) {
            continue; // SessionMemoryTest covers a unit outgrowing the cap result by result
          }
          for (int i = 0; i < unit.size(); i++) {
            memory.append(KEY, List.of(unit.get(i)));
            boolean unitComplete = i == unit.size() - 1;
            List<ChatMessage> window = memory.messages(KEY);
            assertValid(window, system, caps, !unitComplete, context + " add " + add + "." + i);
            if (unitComplete && !endsWith(window, unit)) {
              assertThat(window).as(context).endsWith(unit.toArray(ChatMessage[]::new));
            }
          }
        }
      }
    }
  }

  private static boolean endsWith(List<ChatMessage> window, List<ChatMessage> unit) {
    return window.size() >= unit.size()
        && window.subList(window.size() - unit.size(), window.size()).equals(unit);
  }

  /** Returns a cap of 1..20 on messages (even sequences) or on tokens (odd ones). */
  private static Caps randomCaps(Random random, int seq) {
    int cap = 1 + random.nextInt(20);
    return seq % 2 == 0 ? new Caps(cap, Integer.MAX_VALUE) : new Caps(10_000, cap);
  }

  /** Appends a system message to half of the sessions and returns it, or null. */
  @Nullable
  private static ChatMessage maybeSystem(Random random, SessionMemory memory) {
    if (!random.nextBoolean()) {
      return null;
    }
    ChatMessage system = ChatMessage.system("rules " + random.nextInt(1_000));
    memory.append(KEY, List.of(system));
    return system;
  }

  private static SessionMemory memory(Caps caps) {
    return SessionMemory.builder()
        .maxMessages(caps.messages())
        .maxTokens(caps.tokens())
        .tokenCounter(SMALL_COUNTS)
        .build();
  }

  /** Returns a user message, an assistant message, or a call of 1..5 tools with its results. */
  private static List<ChatMessage> randomUnit(Random random, String id) {
    String text = "x".repeat(random.nextInt(12));
    return switch (random.nextInt(3)) {
      case 0 -> List.of(ChatMessage.user(text));
      case 1 -> List.of(ChatMessage.assistant(text));
      default -> {
        List<ChatMessage> unit = new ArrayList<>(Conversations.unit(id, 1 + random.nextInt(5)));
        Collections.shuffle(unit.subList(1, unit.size()), random); // results in any order
        yield unit;
      }
    };
  }

  private static void assertValid(
      List<ChatMessage> window,
      @Nullable ChatMessage system,
      Caps caps,
      boolean lastUnitMayWait,
      String context) {
    // Plain checks, with AssertJ only to report: this runs a few hundred thousand times.
    String problem = problem(window, system, caps, lastUnitMayWait);
    if (problem != null) {
      assertThat(window).as("%s: %s", context, problem).isNull();
    }
  }

  /** Returns what is wrong with the window, or null. */
  @Nullable
  private static String problem(
      List<ChatMessage> window, @Nullable ChatMessage system, Caps caps, boolean lastUnitMayWait) {
    if (window.size() > caps.messages()) {
      return "over the message cap";
    }
    boolean onlySystem = system != null && window.equals(List.of(system));
    if (!onlySystem && tokens(window) > caps.tokens()) {
      return "over the token cap";
    }
    int start = 0;
    if (system != null) {
      if (window.isEmpty() || !window.get(0).equals(system)) {
        return "system message not pinned first";
      }
      start = 1;
    }
    if (window.size() > start && window.get(start).role().equals(Role.TOOL)) {
      return "first message after the system message is a tool result";
    }
    Set<String> waiting = new HashSet<>();
    for (int i = start; i < window.size(); i++) {
      ChatMessage m = window.get(i);
      if (m.role().equals(Role.SYSTEM)) {
        return "a second system message at " + i;
      }
      if (m.role().equals(Role.TOOL)) {
        if (!waiting.remove(m.toolCallId().orElseThrow())) {
          return "tool result at " + i + " does not follow its call";
        }
      } else {
        if (!waiting.isEmpty()) {
          return "call before " + i + " lacks results " + waiting;
        }
        m.toolCalls().forEach(c -> waiting.add(c.id()));
      }
    }
    if (!lastUnitMayWait && !waiting.isEmpty()) {
      return "last call lacks results " + waiting;
    }
    return null;
  }

  /**
   * The system message, then the longest run of newest units that fits, oversized units left out.
   */
  private static List<ChatMessage> reference(
      @Nullable ChatMessage system, List<List<ChatMessage>> units, Caps caps) {
    int count = system == null ? 0 : 1;
    long tokens = system == null ? 0 : SMALL_COUNTS.count(system);
    List<List<ChatMessage>> kept = new ArrayList<>();
    for (int i = units.size() - 1; i >= 0; i--) {
      List<ChatMessage> unit = units.get(i);
      if (!fitsAlone(unit, system, caps)) {
        continue;
      }
      if (count + unit.size() > caps.messages() || tokens + tokens(unit) > caps.tokens()) {
        break;
      }
      count += unit.size();
      tokens += tokens(unit);
      kept.add(0, unit);
    }
    List<ChatMessage> window = new ArrayList<>();
    if (system != null) {
      window.add(system);
    }
    kept.forEach(window::addAll);
    return window;
  }

  private static boolean fitsAlone(
      List<ChatMessage> unit, @Nullable ChatMessage system, Caps caps) {
    int count = unit.size() + (system == null ? 0 : 1);
    long tokens = tokens(unit) + (system == null ? 0 : SMALL_COUNTS.count(system));
    return count <= caps.messages() && tokens <= caps.tokens();
  }

  private static long tokens(List<ChatMessage> messages) {
    return messages.stream().mapToLong(SMALL_COUNTS::count).sum();
  }
}
