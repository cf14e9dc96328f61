package dev.codexcontinue.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.memory.SessionStore;
import dev.codexcontinue.test.AbstractSessionStoreContractTest;
import java.util.List;
import org.junit.jupiter.api.Test;

final class InMemorySessionStoreTest extends AbstractSessionStoreContractTest {
  @Override
  protected SessionStore newStore() {
    return InMemorySessionStore.create();
  }

  @Test
  void load_returnsSnapshotUnaffectedByLaterAppends() {
    store.append(KEY, List.of(ChatMessage.user("1")));
    List<ChatMessage> before = store.load(KEY);

    store.append(KEY, List.of(ChatMessage.user("2")));

    assertThat(before).containsExactly(ChatMessage.user("1"));
  }
}
