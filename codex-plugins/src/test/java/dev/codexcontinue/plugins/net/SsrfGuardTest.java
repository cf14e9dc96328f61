package dev.codexcontinue.plugins.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RELIABILITY 20: the guard's decisions, asserted before anything connects. */
final class SsrfGuardTest {
  private final StagedResolver resolver =
      new StagedResolver()
          .answer("example.test", "93.184.215.14")
          .answer("evil.test", "127.0.0.1")
          .answer("mixed.test", "93.184.215.14", "10.0.0.7")
          .answer("meta.test", "169.254.169.254")
          .answer("ula.test", "fd12::1");
  private final SsrfGuard guard = SsrfGuard.builder().resolver(resolver).build();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://[::ffff:127.0.0.1]/",
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
        "http://0177.0.0.1/",
        "http://127.1/",
        "http://[::1]:9000/",
        "http://[fd00::1]/",
        "http://[fe80::1]/",
        "http://10.1.2.3/",
        "http://172.16.0.1/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://255.255.255.255/",
        "http://[::ffff:a9fe:a9fe]/",
        "http://[64:ff9b::a9fe:a9fe]/",
        "http://[2002:7f00:1::]/",
        "http://127.0.0.1./",
        "http://1.2.3.4.5/",
        "http://localhost:8080/",
        "http://api.localhost/",
        "gopher://example.test/",
        "ftp://example.test/x",
        "jar:file:///x!/y",
        "http://user:pw@example.test/",
        "http://evil.test/",
        "http://mixed.test/",
        "http://meta.test/",
        "http://ula.test/",
        "http://unknown.test/",
        "not a url"
      })
  void check_forbiddenUrl_isDenied(String url) {
    SsrfDecision decision = guard.check(url);

    assertThat(decision.allowed()).as(url).isFalse();
    assertThat(decision.reason()).isNotBlank().isNotEqualTo("allowed");
  }

  @Test
  void check_literalHosts_areNeverLookedUp() {
    guard.check("http://2130706433/");
    guard.check("http://0x7f.1/");
    guard.check("http://[::ffff:127.0.0.1]/");
    guard.check("http://203.0.113.7/");

    assertThat(resolver.lookups()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"https://example.test/page?q=1", "http://203.0.113.7/", "http://[2606:4700::1]/"})
  void check_publicUrl_isAllowed(String url) {
    assertThat(guard.check(url).allowed()).as(url).isTrue();
  }

  @Test
  void check_fileScheme_namesTheScheme() {
    assertThat(guard.check("file:///etc/passwd").reason()).contains("scheme 'file'");
  }

  @Test
  void check_metadataAddress_saysWhy() {
    assertThat(guard.check("http://169.254.169.254/").reason()).contains("metadata");
  }

  @Test
  void trustHost_withPort_trustsOnlyThatPort() {
    SsrfGuard trusting = guard.toBuilder().trustHost("127.0.0.1:8080").build();

    assertThat(trusting.check("http://127.0.0.1:8080/").allowed()).isTrue();
    assertThat(trusting.check("http://127.0.0.1:8081/").allowed()).isFalse();
    assertThat(guard.check("http://127.0.0.1:8080/").allowed()).isFalse();
  }

  @Test
  void defaults_trustNothingAndRefuseProxies() {
    assertThat(SsrfGuard.defaults().allowsProxy()).isFalse();
    assertThat(SsrfGuard.defaults().maxRedirects()).isEqualTo(5);
    assertThat(SsrfGuard.defaults().check("http://127.0.0.1/").allowed()).isFalse();
  }

  @Test
  void builder_rejectsBadValues() {
    assertThatThrownBy(() -> SsrfGuard.builder().trustHost(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SsrfGuard.builder().maxRedirects(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SsrfGuard.builder().resolver(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> guard.check((String) null)).isInstanceOf(NullPointerException.class);
  }
}
