package dev.codexcontinue.memory.redis;

import dev.codexcontinue.api.memory.SessionStore;
import dev.codexcontinue.test.AbstractSessionStoreContractTest;
import java.util.UUID;

/** The session store contract on a real redis-server. */
final class RedisSessionStoreTest extends AbstractSessionStoreContractTest {
  @Override
  protected SessionStore newStore() {
    return RedisSessionStore.builder()
        .uri(RedisServers.uri())
        .keyPrefix("contract-" + UUID.randomUUID() + ":")
        .build();
  }
}
