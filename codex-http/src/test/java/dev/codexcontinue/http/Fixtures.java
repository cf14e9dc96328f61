package dev.codexcontinue.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads test fixtures from {@code src/test/resources/fixtures/}. */
public final class Fixtures {
  private Fixtures() {}

  /** Returns the bytes of fixture {@code path}, relative to {@code fixtures/}. */
  public static byte[] bytes(Class<?> anchor, String path) {
    try (InputStream in = anchor.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns fixture {@code path} as UTF-8 text. */
  public static String text(Class<?> anchor, String path) {
    return new String(bytes(anchor, path), StandardCharsets.UTF_8);
  }
}
