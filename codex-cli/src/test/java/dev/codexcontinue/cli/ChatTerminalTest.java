package dev.codexcontinue.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code codexctl chat} in a real pseudo-terminal: a child JVM under util-linux {@code script}, so
 * JLine drives the terminal; the test types like a user and reads the screen.
 */
@Timeout(90)
final class ChatTerminalTest {
  private static final Path SCRIPT = Path.of("/usr/bin/script");

  @TempDir Path home;
  @TempDir Path work;
  ProviderServer llm;
  Process process;

  @AfterEach
  void tearDown() {
    if (process != null) {
      process.destroyForcibly();
    }
    if (llm != null) {
      llm.close();
    }
  }

  @Test
  void chat_inPseudoTerminal_streamsAnswerAndRunsSlashCommands() throws Exception {
    boolean required = "1".equals(System.getenv("CODEX_REQUIRE_SCRIPT"));
    assumeTrue(required || Files.isExecutable(SCRIPT), "util-linux script is not installed");
    llm = ProviderServer.openAi();
    llm.sse("/v1/chat/completions", Sse.text("Hello ", "from ", "the terminal"));

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command =
        String.join(
            " ",
            List.of(
                "exec",
                quote(java),
                "-cp",
                quote(System.getProperty("java.class.path")),
                "dev.codexcontinue.cli.Codexctl",
                "chat"));
    ProcessBuilder pb =
        new ProcessBuilder(SCRIPT.toString(), "-qfec", command, "/dev/null")
            .directory(work.toFile())
            .redirectErrorStream(true);
    pb.environment().put("CODEX_HOME", home.toString());
    pb.environment().put("OPENAI_API_KEY", "sk-test-key");
    pb.environment().put("OPENAI_BASE_URL", llm.url("/v1"));
    pb.environment().put("CODEX_SHELL_SANDBOX", "off");
    pb.environment().put("TERM", "xterm");
    process = pb.start();
    Screen screen = new Screen(process.getInputStream());
    OutputStream keyboard = process.getOutputStream();

    screen.await("you> ", 1);
    type(keyboard, "hello there");
    screen.await("the terminal", 1);
    screen.await("you> ", 2);
    type(keyboard, "/tools");
    screen.await("search_indexed_docs", 1);
    screen.await("you> ", 3);
    type(keyboard, "/reset");
    screen.await("session 'default' cleared", 1);
    screen.await("you> ", 4);
    type(keyboard, "/exit");

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(screen.text()).isTrue();
    assertThat(process.exitValue()).as(screen.text()).isZero();
    assertThat(screen.text()).contains("assistant> Hello from the terminal");
    assertThat(llm.requests("/v1/chat/completions").get(0).body()).contains("hello there");
    assertThat(home.resolve("history")).content().contains("hello there").contains("/tools");
  }

  private static void type(OutputStream keyboard, String line) throws IOException {
    keyboard.write((line + "\r").getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** Everything the terminal showed, read on a background thread. */
  private static final class Screen {
    private final StringBuilder text = new StringBuilder();

    Screen(InputStream in) {
      Thread reader =
          new Thread(
              () -> {
                byte[] buf = new byte[4096];
                try {
                  for (int n; (n = in.read(buf)) > 0; ) {
                    synchronized (this) {
                      text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                      notifyAll();
                    }
                  }
                } catch (IOException e) {
                  // The process ended; what was read stays.
                }
              },
              "pty-reader");
      reader.setDaemon(true);
      reader.start();
    }

    synchronized String text() {
      return text.toString();
    }

    /** Waits until {@code needle} was shown at least {@code times} times (at most 30 s). */
    synchronized void await(String needle, int times) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (count(needle) < times) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new AssertionError("'" + needle + "' x" + times + " never shown:\n" + text);
        }
        wait(left);
      }
    }

    private int count(String needle) {
      int n = 0;
      for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
        n++;
      }
      return n;
    }
  }
}
