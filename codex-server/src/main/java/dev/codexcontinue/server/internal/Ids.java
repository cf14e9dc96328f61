package dev.codexcontinue.server.internal;

import java.util.regex.Pattern;

/** Checks ids that come from clients: sessions, memories, tools. */
final class Ids {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

  private Ids() {}

  /** Returns {@code id} when it is 1-128 characters of letters, digits and {@code ._:@-}. */
  static String check(String id) {
    if (!SAFE.matcher(id).matches()) {
      throw HttpError.badRequest(
          "invalid_id", "ids are 1-128 characters of letters, digits and . _ : @ -");
    }
    return id;
  }
}
