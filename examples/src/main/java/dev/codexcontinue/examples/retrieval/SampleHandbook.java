package dev.codexcontinue.examples.retrieval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes a small engineering handbook, the folder the retrieval example indexes by default. */
public final class SampleHandbook {
  /** The handbook's files, by path relative to its folder. */
  static final Map<String, String> FILES =
      Map.of(
          "http-client.md",
          """
          # HTTP client

          ## Timeouts

          Connections time out after 10 seconds and reads after 60 seconds.
          Streaming calls have no read timeout between events, only an idle timeout of 5 minutes.

          ## Retries

          The HTTP client retries a failed request up to 3 times, with exponential backoff and jitter.
          It retries connection errors and the statuses 408, 409, 429 and 5xx, and honours Retry-After.
          Set http.max-retries to change the number of attempts.
          """,
          "deploy.md",
          """
          # Deploying

          Every merge to main is deployed to staging within ten minutes.
          Production deploys run on Tuesdays and Thursdays after the release review.
          """,
          "on-call.md",
          """
          # On-call

          The on-call engineer answers pages within 15 minutes, day and night.
          Hand over the pager every Monday at 10:00 with a short written summary.
          """);

  private SampleHandbook() {}

  /** Writes the handbook into {@code dir} (created if needed) and returns {@code dir}. */
  public static Path writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> file : FILES.entrySet()) {
      Files.writeString(dir.resolve(file.getKey()), file.getValue());
    }
    return dir;
  }
}
