package dev.codexcontinue.plugins.github;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.spi.ToolFactory;
import java.util.List;

/**
 * Creates the GitHub tools for id {@code github} from {@code github.*} settings ({@code
 * GITHUB_TOKEN}, {@code GITHUB_API_URL}; see {@link GitHubTools.Builder#settings}).
 */
public final class GitHubToolFactory implements ToolFactory {
  /** Creates the factory; does no I/O. */
  public GitHubToolFactory() {}

  @Override
  public String id() {
    return "github";
  }

  @Override
  public List<Tool> create(Settings settings) {
    return GitHubTools.builder().settings(settings).build().tools();
  }
}
