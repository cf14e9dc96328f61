package dev.codexcontinue.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ImagePart;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.exception.CorruptStoreException;
import dev.codexcontinue.api.exception.MemoryStoreException;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.api.memory.SessionStore;
import dev.codexcontinue.core.memory.internal.JsonlSessionFormat;
import dev.codexcontinue.test.AbstractSessionStoreContractTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JsonlSessionStoreTest extends AbstractSessionStoreContractTest {
  @TempDir Path root;

  private Path dir() {
    return root.resolve("sessions");
  }

  @Override
  protected SessionStore newStore() {
    return JsonlSessionStore.open(dir());
  }

  private Path fileOf(SessionKey key) {
    return dir().resolve(JsonlSessionFormat.fileName(key));
  }

  private static List<ChatMessage> three() {
    return List.of(
        ChatMessage.user("one"), ChatMessage.assistant("two"), ChatMessage.user("three"));
  }

  @Test
  void reopen_afterClose_loadsWhatWasWritten() {
    store.append(KEY, three());
    store.close();

    store = newStore();

    assertThat(store.load(KEY)).containsExactlyElementsOf(three());
    assertThat(store.keys()).containsExactly(KEY);
  }

  @Test
  void open_directoryInUse_throws() {
    assertThatThrownBy(() -> JsonlSessionStore.open(dir()))
        .isInstanceOf(MemoryStoreException.class)
        .hasMessageContaining("is open");
  }

  @Test
  void load_goldenVersion1File_readsEveryField() throws IOException {
    SessionKey golden = SessionKey.of("ada", "golden");
    // The name is part of the format: a new scheme would orphan every existing session.
    assertThat(JsonlSessionFormat.fileName(golden))
        .isEqualTo("671f3f0ee8ca442eb3553507135dcea7f03c424e251f1a404275c9f12f006705.jsonl");
    try (InputStream in = getClass().getResourceAsStream("/memory/session-v1.jsonl")) {
      Files.copy(in, fileOf(golden));
    }

    assertThat(store.load(golden))
        .containsExactly(
            ChatMessage.system("You are terse."),
            ChatMessage.builder(Role.USER)
                .text("What is the weather in Oslo?")
                .addPart(new ImagePart("https://example.com/oslo.png", "low"))
                .name("ada")
                .build(),
            ChatMessage.builder(Role.ASSISTANT)
                .addToolCall(ToolCall.of("call_1", "weather", "{\"city\":\"Oslo\"}"))
                .reasoning("Look it up.")
                .build(),
            ChatMessage.tool("call_1", "weather", "{\"celsius\":-3}"),
            ChatMessage.assistant("-3 \u00b0C in Oslo."));
    assertThat(store.keys()).containsExactly(golden);
  }

  @Test
  void load_tornLastLine_dropsItAndNextAppendCutsItOff() throws IOException {
    store.append(KEY, three());
    String line = line(ChatMessage.user("four, never acknowledged"));
    Files.write(
        fileOf(KEY),
        line.substring(0, line.length() / 2).getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);

    String log =
        LogCapture.stderrOf(() -> assertThat(store.load(KEY)).containsExactlyElementsOf(three()));
    assertThat(log)
        .contains("WARN", fileOf(KEY).toString(), "torn last line")
        .doesNotContain("never acknowledged");

    store.append(KEY, List.of(ChatMessage.user("four")));
    List<ChatMessage> expected = new ArrayList<>(three());
    expected.add(ChatMessage.user("four"));
    assertThat(store.load(KEY)).containsExactlyElementsOf(expected);
    assertThat(Files.readAllLines(fileOf(KEY))).hasSize(5); // header + 4, no fragment left
  }

  @Test
  void load_tornLastLineOfValidJson_isStillDropped() throws IOException {
    store.append(KEY, three());
    String line = line(ChatMessage.user("complete but unacknowledged"));
    Files.write(
        fileOf(KEY), line.strip().getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

    assertThat(store.load(KEY)).containsExactlyElementsOf(three());
  }

  @Test
  void load_corruptMiddleLine_throwsNamingFileAndLine() throws IOException {
    store.append(KEY, three());
    List<String> lines = new ArrayList<>(Files.readAllLines(fileOf(KEY)));
    lines.set(2, "{\"role\":\"assistant\",\"content\":[{\"type\":\"te");
    Files.write(fileOf(KEY), lines);

    assertThatThrownBy(() -> store.load(KEY))
        .isInstanceOf(CorruptStoreException.class)
        .hasMessageContaining(fileOf(KEY).toString())
        .hasMessageContaining("line 3")
        .satisfies(
            e -> assertThat(((CorruptStoreException) e).file()).isEqualTo(fileOf(KEY).toString()));
  }

  @Test
  void load_invalidUtf8Line_throwsNamingLine() throws IOException {
    store.append(KEY, three());
    byte[] bytes = Files.readAllBytes(fileOf(KEY));
    int secondLine = indexOf(bytes, (byte) '\n', 0) + 1;
    bytes[secondLine + 3] = (byte) 0xff;
    Files.write(fileOf(KEY), bytes);

    assertThatThrownBy(() -> store.load(KEY))
        .isInstanceOf(CorruptStoreException.class)
        .hasMessageContaining("line 2: not valid UTF-8");
  }

  @Test
  void load_damagedHeader_throws() throws IOException {
    store.append(KEY, three());
    List<String> lines = new ArrayList<>(Files.readAllLines(fileOf(KEY)));
    lines.set(0, "{\"codex_session\":2,\"user_id\":\"ada\",\"session_id\":\"s1\"}");
    Files.write(fileOf(KEY), lines);

    assertThatThrownBy(() -> store.load(KEY))
        .isInstanceOf(CorruptStoreException.class)
        .hasMessageContaining("line 1: invalid header");
    assertThatThrownBy(() -> store.keys()).isInstanceOf(CorruptStoreException.class);
  }

  @Test
  void load_emptyFile_throws() throws IOException {
    Files.write(fileOf(KEY), new byte[0]);

    assertThatThrownBy(() -> store.load(KEY))
        .isInstanceOf(CorruptStoreException.class)
        .hasMessageContaining("header");
  }

  @Test
  void load_fileOfAnotherSession_throws() throws IOException {
    SessionKey other = SessionKey.of("bob", "s1");
    store.append(other, three());
    Files.copy(fileOf(other), fileOf(KEY));

    assertThatThrownBy(() -> store.load(KEY))
        .isInstanceOf(CorruptStoreException.class)
        .hasMessageContaining("holds another session");
  }

  @Test
  void hostileKeys_stayInsideDirectoryWithHashedNames() throws IOException {
    List<SessionKey> keys =
        List.of(
            SessionKey.of("../../etc", "passwd"),
            SessionKey.of("/etc", "../../../tmp/x"),
            SessionKey.of("nul\u0000", "\u0000"),
            SessionKey.of("u".repeat(100_000), "s"));
    for (SessionKey key : keys) {
      store.append(key, List.of(ChatMessage.user("x")));
      store.replace(key, List.of(ChatMessage.user("y")));
    }

    try (Stream<Path> all = Files.walk(root)) {
      List<String> files =
          all.filter(Files::isRegularFile).map(p -> dir().relativize(p).toString()).toList();
      assertThat(files).hasSize(keys.size() + 1).contains(".lock");
      assertThat(files.stream().filter(f -> !f.equals(".lock")))
          .allMatch(f -> f.matches("[0-9a-f]{64}\\.jsonl"));
    }
  }

  @Test
  void replace_leavesNoTemporaryFilesAndOpenRemovesStrayOnes() throws IOException {
    store.append(KEY, three());
    store.replace(KEY, List.of(ChatMessage.user("only")));
    try (Stream<Path> files = Files.list(dir())) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
    store.close();
    Path stray = dir().resolve(JsonlSessionFormat.fileName(KEY) + ".crashed.tmp");
    Files.writeString(stray, "half a session");

    store = newStore();

    assertThat(stray).doesNotExist();
    assertThat(store.load(KEY)).containsExactly(ChatMessage.user("only"));
  }

  @Test
  void append_writesOneLinePerMessage() throws IOException {
    store.append(KEY, List.of(ChatMessage.user("multi\nline"), ChatMessage.user("second")));

    List<String> lines = Files.readAllLines(fileOf(KEY), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .isEqualTo("{\"codex_session\":1,\"user_id\":\"ada\",\"session_id\":\"s1\"}");
    assertThat(lines.get(1)).contains("multi\\nline");
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new AssertionError("no byte " + b + " in " + Arrays.toString(bytes));
  }

  /** Returns the line the store writes for one message. */
  private static String line(ChatMessage m) {
    return new String(JsonlSessionFormat.lines(List.of(m)), StandardCharsets.UTF_8);
  }
}
