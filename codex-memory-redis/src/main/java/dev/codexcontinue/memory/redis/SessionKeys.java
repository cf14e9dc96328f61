package dev.codexcontinue.memory.redis;

import dev.codexcontinue.api.memory.SessionKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Maps session keys to Redis keys and back: {@code <prefix>session:<user>:<session>}, each part in
 * unpadded base64url, so that no user or session id (colons, globs, newlines, NUL) can collide with
 * another or break a {@code SCAN} pattern.
 */
final class SessionKeys {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final String prefix;

  SessionKeys(String prefix) {
    this.prefix = prefix + "session:";
  }

  String redisKey(SessionKey key) {
    return prefix + encode(key.userId()) + ":" + encode(key.sessionId());
  }

  /** Returns the pattern matching every session key of this prefix. */
  String pattern() {
    StringBuilder glob = new StringBuilder();
    for (char c : prefix.toCharArray()) {
      if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
        glob.append('\\');
      }
      glob.append(c);
    }
    return glob.append('*').toString();
  }

  /** Returns the session key of {@code redisKey}; empty for a key this store did not write. */
  Optional<SessionKey> sessionKey(String redisKey) {
    if (!redisKey.startsWith(prefix)) {
      return Optional.empty();
    }
    String rest = redisKey.substring(prefix.length());
    int colon = rest.indexOf(':');
    if (colon <= 0 || colon == rest.length() - 1 || rest.indexOf(':', colon + 1) >= 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          SessionKey.of(decode(rest.substring(0, colon)), decode(rest.substring(colon + 1))));
    } catch (IllegalArgumentException notOurs) {
      return Optional.empty();
    }
  }

  private static String encode(String part) {
    return ENCODER.encodeToString(part.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String part) {
    return new String(DECODER.decode(part), StandardCharsets.UTF_8);
  }
}
