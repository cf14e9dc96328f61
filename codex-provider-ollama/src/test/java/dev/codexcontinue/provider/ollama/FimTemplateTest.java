package dev.codexcontinue.provider.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class FimTemplateTest {
  @Test
  void render_insertsTextsOnceWithoutExpandingPlaceholdersInThem() {
    FimTemplate t = FimTemplate.of("A{prefix}B{suffix}C", List.of());

    assertThat(t.render("{suffix}", "{prefix}")).isEqualTo("A{suffix}B{prefix}C");
  }

  @Test
  void render_suffixFirstTemplates_putTheSuffixFirst() {
    assertThat(FimTemplate.CODESTRAL.render("p", "s")).isEqualTo("[SUFFIX]s[PREFIX]p");
    assertThat(FimTemplate.CODELLAMA.render("p", "s")).isEqualTo("<PRE> p <SUF>s <MID>");
  }

  @Test
  void of_placeholderMissingOrRepeated_isRejected() {
    assertThatThrownBy(() -> FimTemplate.of("{prefix}", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{suffix}");
    assertThatThrownBy(() -> FimTemplate.of("{prefix}{suffix}{prefix}", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void forModel_knownFamilies_areFoundByName() {
    assertThat(FimTemplate.forModel("codellama:7b-code")).contains(FimTemplate.CODELLAMA);
    assertThat(FimTemplate.forModel("qwen2.5-coder:1.5b-base")).contains(FimTemplate.QWEN_CODER);
    assertThat(FimTemplate.forModel("codegemma:2b")).contains(FimTemplate.QWEN_CODER);
    assertThat(FimTemplate.forModel("deepseek-coder:6.7b-base"))
        .contains(FimTemplate.DEEPSEEK_CODER);
    assertThat(FimTemplate.forModel("starcoder2:3b")).contains(FimTemplate.STARCODER);
    assertThat(FimTemplate.forModel("codestral:22b")).contains(FimTemplate.CODESTRAL);
    assertThat(FimTemplate.forModel("llama3.2")).isEmpty();
  }
}
