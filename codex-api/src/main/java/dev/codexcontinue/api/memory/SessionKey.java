package dev.codexcontinue.api.memory;

import dev.codexcontinue.api.internal.Checks;

/**
 * Identifies a conversation: the user and that user's session. Two users never share a session,
 * even with the same session id.
 *
 * @param userId the user
 * @param sessionId the session, unique per user
 */
public record SessionKey(String userId, String sessionId) {
  /** Checks the components. */
  public SessionKey {
    Checks.notBlank(userId, "userId");
    Checks.notBlank(sessionId, "sessionId");
  }

  /** Returns the key for {@code sessionId} of {@code userId}. */
  public static SessionKey of(String userId, String sessionId) {
    return new SessionKey(userId, sessionId);
  }
}
