package dev.codexcontinue.core.memory;

import static dev.codexcontinue.core.memory.Conversations.call;
import static dev.codexcontinue.core.memory.Conversations.result;
import static dev.codexcontinue.core.memory.Conversations.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.exception.MemoryStoreException;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.api.memory.SessionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Structure, windows and write-through of {@link SessionMemory}, one rule per test. */
final class SessionMemoryTest {
  private static final SessionKey KEY = SessionKey.of("ada", "s1");

  /** Every message costs one token, so token caps read like message caps. */
  private static final TokenCounter ONE_EACH = m -> 1;

  private static SessionMemory.Builder memory() {
    return SessionMemory.builder().tokenCounter(ONE_EACH);
  }

  private static List<ChatMessage> concat(List<ChatMessage> a, List<ChatMessage> b) {
    List<ChatMessage> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void messages_newSession_isEmpty() {
    try (SessionMemory memory = memory().build()) {
      assertThat(memory.messages(KEY)).isEmpty();
    }
  }

  @Test
  void append_overMessageCap_evictsOldestWholeUnits() {
    try (SessionMemory memory = memory().maxMessages(4).build()) {
      memory.append(KEY, List.of(ChatMessage.user("q1")));
      memory.append(KEY, unit("a", 2)); // 3 messages: the user message must go, not a result
      memory.append(KEY, List.of(ChatMessage.assistant("done")));

      assertThat(memory.messages(KEY))
          .containsExactlyElementsOf(concat(unit("a", 2), List.of(ChatMessage.assistant("done"))));
    }
  }

  @Test
  void append_evictingPartOfAUnitWouldFit_evictsTheWholeUnit() {
    try (SessionMemory memory = memory().maxMessages(3).build()) {
      memory.append(KEY, unit("a", 2));
      memory.append(KEY, List.of(ChatMessage.user("next")));

      // Dropping only the call would leave results without their call: the unit goes whole.
      assertThat(memory.messages(KEY)).containsExactly(ChatMessage.user("next"));
    }
  }

  @Test
  void append_overTokenCap_evictsOldestWholeUnits() {
    TokenCounter byLength = m -> m.text().length();
    try (SessionMemory memory =
        SessionMemory.builder().tokenCounter(byLength).maxTokens(10).build()) {
      memory.append(KEY, List.of(ChatMessage.user("12345"), ChatMessage.assistant("1234")));
      memory.append(KEY, List.of(ChatMessage.user("123")));

      assertThat(memory.messages(KEY))
          .containsExactly(ChatMessage.assistant("1234"), ChatMessage.user("123"));
    }
  }

  @Test
  void append_unitLargerThanMessageCap_dropsItWholeAndKeepsOlderMessages() {
    try (SessionMemory memory = memory().maxMessages(3).build()) {
      memory.append(KEY, List.of(ChatMessage.user("q"), ChatMessage.assistant("a")));
      memory.append(KEY, unit("big", 3)); // 4 messages can never fit in 3
      memory.append(KEY, List.of(ChatMessage.user("after")));

      assertThat(memory.messages(KEY))
          .containsExactly(
              ChatMessage.user("q"), ChatMessage.assistant("a"), ChatMessage.user("after"));
    }
  }

  @Test
  void append_unitOutgrowsCapResultByResult_dropsItWholeAndLaterResults() {
    try (SessionMemory memory = memory().maxMessages(3).build()) {
      memory.append(KEY, List.of(ChatMessage.user("q")));
      memory.append(KEY, List.of(call("big", 3)));
      memory.append(KEY, List.of(result("big", 0)));
      assertThat(memory.messages(KEY))
          .containsExactly(ChatMessage.user("q"), call("big", 3), result("big", 0));

      memory.append(KEY, List.of(result("big", 1))); // evicts "q" to make room
      memory.append(KEY, List.of(result("big", 2))); // 4 messages alone: dropped whole
      assertThat(memory.messages(KEY)).isEmpty();

      memory.append(KEY, List.of(ChatMessage.assistant("answer")));
      assertThat(memory.messages(KEY)).containsExactly(ChatMessage.assistant("answer"));
    }
  }

  @Test
  void append_unitLargerThanTokenCap_dropsItWhole() {
    try (SessionMemory memory = memory().maxTokens(2).build()) {
      memory.append(KEY, List.of(ChatMessage.user("q")));
      memory.append(KEY, unit("big", 2));

      assertThat(memory.messages(KEY)).containsExactly(ChatMessage.user("q"));
    }
  }

  @Test
  void append_resultsInLaterAppend_joinTheirCall() {
    try (SessionMemory memory = memory().build()) {
      memory.append(KEY, List.of(ChatMessage.user("q"), call("a", 2)));
      memory.append(KEY, List.of(result("a", 1)));
      memory.append(KEY, List.of(result("a", 0)));

      assertThat(memory.messages(KEY))
          .containsExactly(ChatMessage.user("q"), call("a", 2), result("a", 1), result("a", 0));
    }
  }

  @Test
  void append_toolResultWithoutItsCall_isDropped() {
    try (SessionMemory memory = memory().build()) {
      String log =
          LogCapture.stderrOf(
              () -> memory.append(KEY, List.of(result("nowhere", 0), ChatMessage.user("q"))));
      assertThat(log).contains("WARN", "dropped 1 tool result").doesNotContain("result 0");

      memory.append(KEY, unit("a", 1));
      memory.append(KEY, List.of(result("a", 0))); // a second result for an answered call
      memory.append(KEY, List.of(result("other", 0)));

      assertThat(memory.messages(KEY))
          .containsExactlyElementsOf(concat(List.of(ChatMessage.user("q")), unit("a", 1)));
    }
  }

  @Test
  void append_resultAfterAnotherMessage_isDroppedAndCallStaysOutOfWindow() {
    try (SessionMemory memory = memory().build()) {
      memory.append(KEY, List.of(ChatMessage.user("q"), call("a", 1), ChatMessage.user("again")));
      memory.append(KEY, List.of(result("a", 0)));

      assertThat(memory.messages(KEY))
          .containsExactly(ChatMessage.user("q"), call("a", 1), ChatMessage.user("again"));
      assertThat(memory.window(KEY, 100))
          .containsExactly(ChatMessage.user("q"), ChatMessage.user("again"));
    }
  }

  @Test
  void append_systemMessage_isPinnedFirstAndNeverEvicted() {
    ChatMessage system = ChatMessage.system("rules");
    try (SessionMemory memory = memory().maxMessages(3).build()) {
      memory.append(KEY, List.of(system, ChatMessage.user("1"), ChatMessage.user("2")));
      memory.append(KEY, List.of(ChatMessage.user("3"), ChatMessage.user("4")));

      assertThat(memory.messages(KEY))
          .containsExactly(system, ChatMessage.user("3"), ChatMessage.user("4"));
    }
  }

  @Test
  void append_systemMessageAfterOthers_replacesThePinnedOneAtTheStart() {
    try (SessionMemory memory = memory().build()) {
      memory.append(KEY, List.of(ChatMessage.system("old"), ChatMessage.user("q")));
      memory.append(KEY, List.of(ChatMessage.user("r"), ChatMessage.system("new")));

      assertThat(memory.messages(KEY))
          .containsExactly(ChatMessage.system("new"), ChatMessage.user("q"), ChatMessage.user("r"));
    }
  }

  @Test
  void append_sameSystemMessageAgain_changesNothing() {
    InMemorySessionStore store = InMemorySessionStore.create();
    try (SessionMemory memory = memory().store(store).build()) {
      memory.append(KEY, List.of(ChatMessage.system("rules"), ChatMessage.user("q")));
      memory.append(KEY, List.of(ChatMessage.system("rules"), ChatMessage.user("r")));

      List<ChatMessage> expected =
          List.of(ChatMessage.system("rules"), ChatMessage.user("q"), ChatMessage.user("r"));
      assertThat(memory.messages(KEY)).containsExactlyElementsOf(expected);
      assertThat(store.load(KEY)).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void append_systemMessageAloneOverTokenCap_keepsOnlyIt() {
    ChatMessage system = ChatMessage.system("long rules");
    TokenCounter byLength = m -> m.text().length();
    try (SessionMemory memory =
        SessionMemory.builder().tokenCounter(byLength).maxTokens(5).build()) {
      memory.append(KEY, List.of(system, ChatMessage.user("q")));

      assertThat(memory.messages(KEY)).containsExactly(system);
    }
  }

  @Test
  void window_budget_returnsNewestUnitsThatFitWithSystem() {
    ChatMessage system = ChatMessage.system("s");
    try (SessionMemory memory = memory().build()) {
      memory.append(KEY, List.of(system, ChatMessage.user("old"), ChatMessage.user("q")));
      memory.append(KEY, unit("a", 2));

      assertThat(memory.window(KEY, 4))
          .containsExactlyElementsOf(concat(List.of(system), unit("a", 2)));
      assertThat(memory.window(KEY, 5))
          .containsExactlyElementsOf(concat(List.of(system, ChatMessage.user("q")), unit("a", 2)));
      // The unit (3 tokens) does not fit in 3 with the system message: no gap, so nothing older.
      assertThat(memory.window(KEY, 3)).containsExactly(system);
      assertThat(memory.window(KEY, 1)).containsExactly(system);
      assertThat(memory.messages(KEY)).hasSize(6);
    }
  }

  @Test
  void window_callStillWaitingForResults_isLeftOut() {
    try (SessionMemory memory = memory().build()) {
      memory.append(KEY, List.of(ChatMessage.user("q"), call("a", 2), result("a", 0)));

      assertThat(memory.window(KEY, 100)).containsExactly(ChatMessage.user("q"));
      assertThat(memory.messages(KEY))
          .containsExactly(ChatMessage.user("q"), call("a", 2), result("a", 0));
    }
  }

  @Test
  void window_nonPositiveBudget_throws() {
    try (SessionMemory memory = memory().build()) {
      assertThatThrownBy(() -> memory.window(KEY, 0)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void estimatingCounter_defaultCaps_applyTokenEstimate() {
    try (SessionMemory memory = SessionMemory.builder().maxTokens(30).build()) {
      memory.append(KEY, List.of(ChatMessage.user("x".repeat(40)))); // 4 + 10 tokens
      memory.append(KEY, List.of(ChatMessage.user("y".repeat(40))));
      memory.append(KEY, List.of(ChatMessage.user("z".repeat(40))));

      assertThat(memory.messages(KEY))
          .containsExactly(ChatMessage.user("y".repeat(40)), ChatMessage.user("z".repeat(40)));
    }
  }

  @Test
  void clear_session_forgetsItInMemoryAndStore() {
    InMemorySessionStore store = InMemorySessionStore.create();
    try (SessionMemory memory = memory().store(store).build()) {
      memory.append(KEY, List.of(ChatMessage.user("q")));
      memory.clear(KEY);

      assertThat(memory.messages(KEY)).isEmpty();
      assertThat(store.keys()).doesNotContain(KEY);
    }
  }

  @Test
  void append_withStore_writesThroughAndRewritesAfterEviction() {
    InMemorySessionStore store = InMemorySessionStore.create();
    try (SessionMemory memory = memory().maxMessages(2).store(store).build()) {
      memory.append(KEY, List.of(ChatMessage.user("1")));
      memory.append(KEY, List.of(ChatMessage.user("2")));
      assertThat(store.load(KEY)).containsExactly(ChatMessage.user("1"), ChatMessage.user("2"));

      memory.append(KEY, List.of(ChatMessage.user("3")));
      assertThat(store.load(KEY)).containsExactly(ChatMessage.user("2"), ChatMessage.user("3"));
    }
  }

  @Test
  void messages_storeHoldsMoreThanCaps_trimsAndRewritesOnNextWrite() {
    InMemorySessionStore store = InMemorySessionStore.create();
    store.append(KEY, List.of(ChatMessage.user("1"), ChatMessage.user("2"), ChatMessage.user("3")));
    try (SessionMemory memory = memory().maxMessages(2).store(store).build()) {
      assertThat(memory.messages(KEY))
          .containsExactly(ChatMessage.user("2"), ChatMessage.user("3"));
      assertThat(store.load(KEY)).hasSize(3); // reading never writes

      memory.append(KEY, List.of());
      assertThat(store.load(KEY)).hasSize(3);
      memory.append(KEY, List.of(result("x", 0))); // dropped: still nothing to write
      memory.append(KEY, List.of(ChatMessage.user("4")));
      assertThat(store.load(KEY)).containsExactly(ChatMessage.user("3"), ChatMessage.user("4"));
    }
  }

  @Test
  void append_storeFails_throwsAndReloadsFromStoreNextTime() {
    FailingStore store = new FailingStore();
    try (SessionMemory memory = memory().store(store).build()) {
      memory.append(KEY, List.of(ChatMessage.user("kept")));
      store.failWrites = true;

      assertThatThrownBy(() -> memory.append(KEY, List.of(ChatMessage.user("lost"))))
          .isInstanceOf(MemoryStoreException.class);

      store.failWrites = false;
      assertThat(memory.messages(KEY)).containsExactly(ChatMessage.user("kept"));
    }
  }

  @Test
  void close_ownedStore_isClosedAndBorrowedStoreIsNot() throws Exception {
    InMemorySessionStore borrowed = InMemorySessionStore.create();
    memory().store(borrowed).build().close();
    assertThat(borrowed.keys()).isEmpty(); // still open

    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("owned");
    SessionMemory owning = memory().directory(dir).build();
    owning.append(KEY, List.of(ChatMessage.user("q")));
    owning.close();
    owning.close();
    try (JsonlSessionStore reopened = JsonlSessionStore.open(dir)) { // the lock was released
      assertThat(reopened.load(KEY)).containsExactly(ChatMessage.user("q"));
    }
    assertThatThrownBy(() -> owning.messages(KEY)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void builder_invalidValues_throw() {
    SessionMemory.Builder b = SessionMemory.builder();
    assertThatThrownBy(() -> b.maxMessages(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxTokens(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxSessions(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.idleTtl(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.store(null)).hasMessage("store == null");
    assertThatThrownBy(() -> b.directory(null)).hasMessage("directory == null");
    assertThatThrownBy(() -> b.tokenCounter(null)).hasMessage("tokenCounter == null");
    assertThatThrownBy(() -> b.idleTtl(null)).hasMessage("idleTtl == null");
    assertThatThrownBy(() -> b.clock(null)).hasMessage("clock == null");
    assertThatThrownBy(
            () ->
                SessionMemory.builder()
                    .store(InMemorySessionStore.create())
                    .directory(java.nio.file.Path.of("x"))
                    .build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void operations_nullArguments_throwNpe() {
    try (SessionMemory memory = memory().build()) {
      assertThatThrownBy(() -> memory.messages(null)).hasMessage("key == null");
      assertThatThrownBy(() -> memory.append(KEY, null)).hasMessage("messages == null");
      assertThatThrownBy(() -> memory.append(KEY, java.util.Arrays.asList((ChatMessage) null)))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> memory.lock(null)).hasMessage("key == null");
    }
  }

  @Test
  void tokenCounter_negative_isRejected() {
    try (SessionMemory memory = SessionMemory.builder().tokenCounter(m -> -1).build()) {
      assertThatThrownBy(() -> memory.append(KEY, List.of(ChatMessage.user("q"))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("< 0");
    }
  }

  /** A store whose writes fail on demand. */
  private static final class FailingStore implements SessionStore {
    private final InMemorySessionStore delegate = InMemorySessionStore.create();
    volatile boolean failWrites;

    @Override
    public List<ChatMessage> load(SessionKey key) {
      return delegate.load(key);
    }

    @Override
    public void append(SessionKey key, List<ChatMessage> messages) {
      failIfAsked();
      delegate.append(key, messages);
    }

    @Override
    public void replace(SessionKey key, List<ChatMessage> messages) {
      failIfAsked();
      delegate.replace(key, messages);
    }

    @Override
    public void delete(SessionKey key) {
      failIfAsked();
      delegate.delete(key);
    }

    @Override
    public java.util.Set<SessionKey> keys() {
      return delegate.keys();
    }

    @Override
    public void close() {
      delegate.close();
    }

    private void failIfAsked() {
      if (failWrites) {
        throw new MemoryStoreException("disk full", null);
      }
    }
  }
}
