package dev.codexcontinue.plugins.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.http.Fixtures;
import dev.codexcontinue.plugins.web.internal.PageText;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Readable text from HTML: noise removed, structure kept, charsets honoured. */
final class PageTextTest {
  @Test
  void html_metaCharsetLatin1_keepsMainContentAndDropsNoise() {
    byte[] page = Fixtures.bytes(getClass(), "web/page-latin1.html");

    PageText.Page text = PageText.html(page, null, "https://example.test/");

    assertThat(text.title()).isEqualTo("Grüße aus München");
    assertThat(text.text())
        .contains("# Straßenbahn")
        .contains("Die Straßenbahn fährt pünktlich.")
        .contains("- Linie 17\n- Linie 19")
        .contains("| Halt | Zeit")
        .contains("| Stachus | 08:15")
        .contains("  keep\n    indentation")
        .doesNotContain("do not show", "color:red", "Home", "Werbung", "Impressum")
        .doesNotContain("hidden text", "decor", "enable js", "Site banner");
  }

  @Test
  void html_serverCharset_winsOverNothingAndDecodesUtf8() {
    byte[] page = "<html><body><p>naïve café</p></body></html>".getBytes(StandardCharsets.UTF_8);

    PageText.Page text = PageText.html(page, StandardCharsets.UTF_8, "https://example.test/");

    assertThat(text.text()).isEqualTo("naïve café");
  }

  @Test
  void plain_utf8Bom_isDropped() {
    byte[] body = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'h', 'i'};

    assertThat(PageText.plain(body, null)).isEqualTo("hi");
    assertThat(
            PageText.plain("é".getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1))
        .isEqualTo("é");
  }
}
