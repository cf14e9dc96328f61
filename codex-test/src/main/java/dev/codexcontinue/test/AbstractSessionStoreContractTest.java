package dev.codexcontinue.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.api.memory.SessionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link SessionStore} shares: messages of every shape kept in order, appends,
 * replaces, deletes, users kept apart, hostile keys, concurrent sessions and closing. A store's
 * test extends this class and says how to open a fresh, empty store.
 */
public abstract class AbstractSessionStoreContractTest {
  /** The session most tests use. */
  protected static final SessionKey KEY = SessionKey.of("ada", "s1");

  /** The store under test, opened before each test and closed after it. */
  protected SessionStore store;

  /** Creates the test. */
  protected AbstractSessionStoreContractTest() {}

  /** Returns a new, empty store. */
  protected abstract SessionStore newStore() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
  }

  @AfterEach
  @SuppressWarnings("NullAway") // null when newStore failed or skipped the test (no server here)
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void load_unknownSession_isEmpty() {
    assertThat(store.load(KEY)).isEmpty();
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void append_everyMessageShape_loadsEqualMessagesInOrder() {
    store.append(KEY, ChatMessageSamples.everyShape());

    assertThat(store.load(KEY)).containsExactlyElementsOf(ChatMessageSamples.everyShape());
  }

  @Test
  void append_twice_accumulatesInOrder() {
    store.append(KEY, List.of(ChatMessage.user("1"), ChatMessage.assistant("2")));
    store.append(KEY, List.of(ChatMessage.user("3")));

    assertThat(store.load(KEY))
        .containsExactly(ChatMessage.user("1"), ChatMessage.assistant("2"), ChatMessage.user("3"));
  }

  @Test
  void append_nothing_createsEmptySession() {
    store.append(KEY, List.of());

    assertThat(store.keys()).containsExactly(KEY);
    assertThat(store.load(KEY)).isEmpty();
  }

  @Test
  void replace_existingSession_keepsOnlyNewMessages() {
    store.append(KEY, List.of(ChatMessage.user("1"), ChatMessage.user("2")));
    store.replace(KEY, List.of(ChatMessage.user("2")));
    store.append(KEY, List.of(ChatMessage.user("3")));

    assertThat(store.load(KEY)).containsExactly(ChatMessage.user("2"), ChatMessage.user("3"));
  }

  @Test
  void replace_unknownSession_createsIt() {
    store.replace(KEY, List.of(ChatMessage.user("1")));

    assertThat(store.load(KEY)).containsExactly(ChatMessage.user("1"));
  }

  @Test
  void delete_session_forgetsOnlyIt() {
    SessionKey other = SessionKey.of("ada", "s2");
    store.append(KEY, List.of(ChatMessage.user("1")));
    store.append(other, List.of(ChatMessage.user("2")));

    store.delete(KEY);
    store.delete(KEY);

    assertThat(store.load(KEY)).isEmpty();
    assertThat(store.keys()).containsExactly(other);
  }

  @Test
  void sameSessionIdOfTwoUsers_areSeparate() {
    SessionKey bob = SessionKey.of("bob", KEY.sessionId());
    store.append(KEY, List.of(ChatMessage.user("ada's")));
    store.append(bob, List.of(ChatMessage.user("bob's")));

    assertThat(store.load(KEY)).containsExactly(ChatMessage.user("ada's"));
    assertThat(store.load(bob)).containsExactly(ChatMessage.user("bob's"));
    assertThat(store.keys()).containsExactlyInAnyOrder(KEY, bob);
  }

  @Test
  void hostileKeys_roundTripExactly() {
    List<SessionKey> keys =
        List.of(
            SessionKey.of("../../etc", "passwd"),
            SessionKey.of("a/b\\c", "..\\..\\x"),
            SessionKey.of("nul\u0000user", "s\u0000"),
            SessionKey.of("u".repeat(10_000), "s".repeat(5_000)),
            SessionKey.of("a:1", "b"),
            SessionKey.of("a", ":1b"),
            SessionKey.of("CON", "aux.txt"),
            SessionKey.of("\u00e9l\u00e8ve \uD83D\uDE00", "tab\tnewline\n"));
    for (SessionKey key : keys) {
      store.append(key, List.of(ChatMessage.user(key.userId().length() + "/" + key.sessionId())));
    }

    assertThat(store.keys()).containsExactlyInAnyOrderElementsOf(keys);
    for (SessionKey key : keys) {
      assertThat(store.load(key))
          .containsExactly(ChatMessage.user(key.userId().length() + "/" + key.sessionId()));
    }
  }

  @Test
  @Timeout(60)
  void concurrentSessions_eachKeepsItsOwnOrder() throws Exception {
    int sessions = 8;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int s = 0; s < sessions; s++) {
        SessionKey key = SessionKey.of("u", "s" + s);
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    store.append(key, List.of(ChatMessage.user(Integer.toString(i))));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    for (int s = 0; s < sessions; s++) {
      List<ChatMessage> loaded = store.load(SessionKey.of("u", "s" + s));
      assertThat(loaded).hasSize(50);
      for (int i = 0; i < 50; i++) {
        assertThat(loaded.get(i).text()).isEqualTo(Integer.toString(i));
      }
    }
  }

  @Test
  void close_twice_isIdempotentAndLaterCallsThrow() {
    store.close();
    store.close();

    assertThatThrownBy(() -> store.load(KEY)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.append(KEY, List.of()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void nullArguments_throwNpe() {
    assertThatThrownBy(() -> store.load(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.append(KEY, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.replace(null, List.of()))
        .isInstanceOf(NullPointerException.class);
  }
}
