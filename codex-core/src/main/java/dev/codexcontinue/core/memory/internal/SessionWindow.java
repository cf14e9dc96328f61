package dev.codexcontinue.core.memory.internal;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.core.memory.TokenCounter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * The messages of one session within a message cap and a token cap. Not thread-safe: the session's
 * lock guards it.
 *
 * <p>Rules, in order of precedence:
 *
 * <ol>
 *   <li>The session has at most one system message. It sits first, counts toward both caps and is
 *       never evicted; appending a different system message replaces it, appending the same one
 *       again changes nothing.
 *   <li>Other messages form units (see {@link MessageUnit}). A tool result joins the unit of the
 *       assistant call it answers only if that unit is the newest one and the result is the first
 *       for that call; any other tool result has no call to follow and is dropped.
 *   <li>After each append, a unit the append created or extended that exceeds a cap on its own
 *       (with the system message) is dropped whole, never split; older units stay. Then the oldest
 *       units are evicted until both caps hold.
 * </ol>
 */
public final class SessionWindow {
  private final int maxMessages;
  private final long maxTokens;
  private final TokenCounter counter;
  private final ArrayDeque<MessageUnit> units = new ArrayDeque<>();
  @Nullable private ChatMessage system;
  private int systemTokens;
  private int messageCount;
  private long tokenCount;

  /** Creates an empty window with the given caps. */
  public SessionWindow(int maxMessages, long maxTokens, TokenCounter counter) {
    this.maxMessages = maxMessages;
    this.maxTokens = maxTokens;
    this.counter = Objects.requireNonNull(counter, "counter == null");
  }

  /**
   * What one append did.
   *
   * @param accepted the appended messages now part of the session (before eviction), in order
   * @param evicted how many messages the caps evicted, old or new
   * @param droppedResults how many tool results were dropped for lack of their call
   * @param systemReplaced whether an earlier system message was replaced
   */
  public record Appended(
      List<ChatMessage> accepted, int evicted, int droppedResults, boolean systemReplaced) {
    /**
     * Returns whether the session is now something else than its old messages followed by {@link
     * #accepted}, so that a store must be rewritten rather than appended to.
     */
    public boolean rewritesHistory() {
      return evicted > 0 || systemReplaced;
    }
  }

  /** Appends {@code messages} in order, then evicts the oldest units until the caps hold. */
  public Appended append(List<ChatMessage> messages) {
    List<ChatMessage> accepted = new ArrayList<>(messages.size());
    Set<MessageUnit> touched = Collections.newSetFromMap(new IdentityHashMap<>());
    int dropped = 0;
    boolean systemReplaced = false;
    for (ChatMessage m : messages) {
      Objects.requireNonNull(m, "message == null");
      int tokens = count(m);
      if (m.role().equals(Role.SYSTEM)) {
        if (system != null && system.equals(m)) {
          continue; // agents often resend the same instructions; nothing changes
        }
        systemReplaced |= system != null;
        setSystem(m, tokens);
      } else if (m.role().equals(Role.TOOL)) {
        MessageUnit newest = units.peekLast();
        if (newest == null || !newest.accepts(m)) {
          dropped++;
          continue;
        }
        newest.addResult(m, tokens);
        touched.add(newest);
        messageCount++;
        tokenCount += tokens;
      } else {
        MessageUnit unit = new MessageUnit(m, tokens);
        units.addLast(unit);
        touched.add(unit);
        messageCount++;
        tokenCount += tokens;
      }
      accepted.add(m);
    }
    int evicted = dropOversized(touched) + evictToCaps();
    return new Appended(List.copyOf(accepted), evicted, dropped, systemReplaced);
  }

  private int dropOversized(Set<MessageUnit> candidates) {
    int systemCount = system == null ? 0 : 1;
    int dropped = 0;
    // The units an append touched are the newest ones: stop at the first untouched unit.
    for (Iterator<MessageUnit> it = units.descendingIterator(); it.hasNext(); ) {
      MessageUnit unit = it.next();
      if (!candidates.contains(unit)) {
        break;
      }
      if ((unit.size() + systemCount > maxMessages || unit.tokens() + systemTokens > maxTokens)) {
        it.remove();
        messageCount -= unit.size();
        tokenCount -= unit.tokens();
        dropped += unit.size();
      }
    }
    return dropped;
  }

  private void setSystem(ChatMessage m, int tokens) {
    if (system == null) {
      messageCount++;
    }
    tokenCount += tokens - systemTokens;
    system = m;
    systemTokens = tokens;
  }

  private int evictToCaps() {
    int evicted = 0;
    while (!units.isEmpty() && (messageCount > maxMessages || tokenCount > maxTokens)) {
      MessageUnit oldest = units.removeFirst();
      messageCount -= oldest.size();
      tokenCount -= oldest.tokens();
      evicted += oldest.size();
    }
    return evicted;
  }

  private int count(ChatMessage m) {
    int tokens = counter.count(m);
    if (tokens < 0) {
      throw new IllegalStateException("token counter returned " + tokens + " (< 0)");
    }
    return tokens;
  }

  /** Returns every message of the window, oldest first, the system message first. */
  public List<ChatMessage> messages() {
    List<ChatMessage> all = new ArrayList<>(messageCount);
    if (system != null) {
      all.add(system);
    }
    for (MessageUnit unit : units) {
      all.addAll(unit.messages());
    }
    return all;
  }

  /**
   * Returns the system message and the most recent complete units whose tokens fit {@code budget}
   * together with it, oldest first. Stops at the first unit that does not fit, so the history has
   * no gaps; leaves out a tool call still waiting for results, which no provider accepts in a
   * prompt. Returns only the system message when it alone exceeds the budget.
   */
  public List<ChatMessage> window(long budget) {
    long left = budget - systemTokens;
    List<MessageUnit> chosen = new ArrayList<>();
    for (Iterator<MessageUnit> it = units.descendingIterator(); it.hasNext(); ) {
      MessageUnit unit = it.next();
      if (!unit.isComplete()) {
        continue;
      }
      if (unit.tokens() > left) {
        break;
      }
      left -= unit.tokens();
      chosen.add(unit);
    }
    List<ChatMessage> result = new ArrayList<>();
    if (system != null) {
      result.add(system);
    }
    for (int i = chosen.size() - 1; i >= 0; i--) {
      result.addAll(chosen.get(i).messages());
    }
    return result;
  }

  /** Returns the number of messages, the system message included. */
  public int size() {
    return messageCount;
  }

  /** Returns the tokens of all messages, the system message included. */
  public long tokens() {
    return tokenCount;
  }
}
