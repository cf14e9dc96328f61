package dev.codexcontinue.memory.faiss;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs FAISS itself (Debian's python3-faiss) through the interop script in the test resources.
 * Tests skip when it is missing, unless {@code CODEX_REQUIRE_PYTHON_FAISS} is set (as in CI), in
 * which case they fail.
 */
final class PythonFaiss {
  private static final String PYTHON = "/usr/bin/python3";
  @javax.annotation.Nullable private static String cachedVersion;
  private final Path script;
  final String version;

  private PythonFaiss(Path script, String version) {
    this.script = script;
    this.version = version;
  }

  /** Returns a runner, or skips (fails when required) when FAISS cannot be imported. */
  static synchronized PythonFaiss require(Path workDir) throws IOException, InterruptedException {
    if (cachedVersion != null) {
      Path script = workDir.resolve("faiss_interop.py");
      copyScript(script);
      return new PythonFaiss(script, cachedVersion);
    }
    Path script = workDir.resolve("faiss_interop.py");
    copyScript(script);
    String version = null;
    if (Files.isExecutable(Path.of(PYTHON))) {
      Result r = run(List.of(PYTHON, script.toString(), "version"));
      version = r.exitCode == 0 ? r.output.strip() : null;
    }
    boolean required = System.getenv("CODEX_REQUIRE_PYTHON_FAISS") != null;
    if (version == null && required) {
      throw new AssertionError(
          "CODEX_REQUIRE_PYTHON_FAISS is set but "
              + PYTHON
              + " cannot import faiss "
              + "(apt-get install python3-faiss libopenblas0-openmp)");
    }
    assumeTrue(version != null, "python3-faiss is not installed");
    cachedVersion = version;
    return new PythonFaiss(script, version);
  }

  private static void copyScript(Path script) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(PythonFaiss.class.getResourceAsStream("/python/faiss_interop.py"))) {
      Files.write(script, in.readAllBytes());
    }
  }

  /** Returns whether this FAISS has the 1.7.x early stop in its HNSW search. */
  boolean hasLegacyHnswStop() {
    return version.startsWith("1.7.") || version.startsWith("1.6.");
  }

  /** Builds a {@code kind} index in FAISS, writes it to {@code out}, and searches it. */
  JsonNode buildAndSearch(
      String kind, Path base, Path out, Path queries, int k, int param, Path json)
      throws IOException, InterruptedException {
    check(
        run(
            List.of(
                PYTHON,
                script.toString(),
                "build",
                kind,
                base.toString(),
                out.toString(),
                queries.toString(),
                String.valueOf(k),
                String.valueOf(param),
                json.toString())));
    return new ObjectMapper().readTree(json.toFile());
  }

  JsonNode search(Path index, Path queries, int k, int param, Path out)
      throws IOException, InterruptedException {
    check(
        run(
            List.of(
                PYTHON,
                script.toString(),
                "search",
                index.toString(),
                queries.toString(),
                String.valueOf(k),
                String.valueOf(param),
                out.toString())));
    return new ObjectMapper().readTree(out.toFile());
  }

  private record Result(int exitCode, String output) {}

  private static void check(Result r) {
    if (r.exitCode != 0) {
      throw new AssertionError("python faiss failed: " + r.output);
    }
  }

  private static Result run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
    pb.environment().put("OMP_NUM_THREADS", "1");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("python faiss timed out: " + command);
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /** Writes row-major vectors as an .fvecs file. */
  static void writeFvecs(Path file, float[] vectors, int d) throws IOException {
    int n = vectors.length / d;
    ByteBuffer b = ByteBuffer.allocate(n * (4 + 4 * d)).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      b.putInt(d);
      for (int j = 0; j < d; j++) {
        b.putFloat(vectors[i * d + j]);
      }
    }
    Files.write(file, b.array());
  }
}
