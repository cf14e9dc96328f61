package dev.codexcontinue.api;

import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An image in a message, given by URL: {@code https://...} or a {@code data:} URL holding the
 * bytes. Providers that need raw bytes (Ollama) decode data URLs; remote URLs are passed on as they
 * are.
 *
 * @param url an {@code http}, {@code https} or {@code data:image/...;base64,} URL
 * @param detail the detail hint ({@code low}, {@code high}, {@code auto}), or empty for the default
 */
public record ImagePart(String url, String detail) implements ContentPart {
  private static final String DATA_PREFIX = "data:";

  /** Checks the URL's scheme. */
  public ImagePart {
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(detail, "detail == null");
    String lower = url.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("https://")
        || lower.startsWith("http://")
        || (lower.startsWith("data:image/") && lower.contains(";base64,")))) {
      throw new IllegalArgumentException(
          "image url must be http(s) or data:image/...;base64, was "
              + url.substring(0, Math.min(url.length(), 32)));
    }
  }

  /** Returns an image part for a URL with the default detail. */
  public static ImagePart ofUrl(String url) {
    return new ImagePart(url, "");
  }

  /**
   * Returns an image part holding {@code bytes} of the given media type, e.g. {@code image/png}.
   */
  public static ImagePart ofBytes(byte[] bytes, String mediaType) {
    Objects.requireNonNull(bytes, "bytes == null");
    Objects.requireNonNull(mediaType, "mediaType == null");
    if (!mediaType.startsWith("image/")) {
      throw new IllegalArgumentException("not an image media type: " + mediaType);
    }
    return new ImagePart(
        DATA_PREFIX + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes), "");
  }

  /** Returns whether the image's bytes are inside the URL. */
  public boolean isInline() {
    return url.regionMatches(true, 0, DATA_PREFIX, 0, DATA_PREFIX.length());
  }

  /** Returns the media type of an inline image. */
  public Optional<String> mediaType() {
    if (!isInline()) {
      return Optional.empty();
    }
    return Optional.of(url.substring(DATA_PREFIX.length(), url.indexOf(';')));
  }

  /** Returns the base64 payload of an inline image, without the {@code data:} prefix. */
  public Optional<String> base64Data() {
    return isInline() ? Optional.of(url.substring(url.indexOf(',') + 1)) : Optional.empty();
  }

  /** Returns the bytes of an inline image. */
  public Optional<byte[]> bytes() {
    return base64Data().map(b -> Base64.getDecoder().decode(b));
  }

  /** Omits the payload of inline images, which may be megabytes. */
  @Override
  public String toString() {
    String shown = isInline() ? "data:" + mediaType().orElse("?") + ";base64,..." : url;
    return "ImagePart[url=" + shown + (detail.isEmpty() ? "" : ", detail=" + detail) + "]";
  }
}
