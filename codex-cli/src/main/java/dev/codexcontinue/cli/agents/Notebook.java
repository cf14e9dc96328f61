package dev.codexcontinue.cli.agents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Jupyter notebook (nbformat 4) read from its JSON: the cells with their source, their text
 * output and their error. Everything else in the file is kept as it is, so that {@link
 * #withSources} writes back a notebook Jupyter opens. Immutable.
 */
public final class Notebook {
  /** The largest notebook file read. */
  public static final long MAX_BYTES = 32L << 20;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");

  private final ObjectNode root;
  private final List<Cell> cells;

  /**
   * One cell.
   *
   * @param number the cell's position, 1-based
   * @param type {@code code}, {@code markdown} or {@code raw}
   * @param source the cell's text
   * @param output the text of its stream and result outputs, empty when none
   * @param error its error ({@code NameError: name 'x' is not defined} and the traceback), if any
   */
  public record Cell(
      int number, String type, String source, String output, Optional<String> error) {
    /** Checks the components. */
    public Cell {
      Objects.requireNonNull(type, "type == null");
      Objects.requireNonNull(source, "source == null");
      Objects.requireNonNull(output, "output == null");
      Objects.requireNonNull(error, "error == null");
    }
  }

  private Notebook(ObjectNode root) {
    this.root = root;
    this.cells = readCells(root);
  }

  /**
   * Reads a notebook file.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when it is not a Jupyter notebook (the message says why)
   */
  public static Notebook read(Path file) throws IOException {
    Objects.requireNonNull(file, "file == null");
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new IllegalArgumentException(file + " is larger than " + MAX_BYTES + " bytes");
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Parses notebook JSON.
   *
   * @throws IllegalArgumentException when it is not a Jupyter notebook
   */
  public static Notebook parse(String json) {
    Objects.requireNonNull(json, "json == null");
    JsonNode tree;
    try {
      tree = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not a Jupyter notebook: malformed JSON at line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
              + ": "
              + e.getOriginalMessage(),
          e);
    }
    if (!(tree instanceof ObjectNode obj) || !(obj.get("cells") instanceof ArrayNode)) {
      throw new IllegalArgumentException("not a Jupyter notebook: no \"cells\" array");
    }
    return new Notebook(obj);
  }

  /** Returns the cells, in order. */
  public List<Cell> cells() {
    return cells;
  }

  /** Returns the kernel's language ({@code python} when the notebook does not say). */
  public String language() {
    JsonNode meta = root.path("metadata");
    String lang = meta.path("kernelspec").path("language").asText("");
    if (lang.isEmpty()) {
      lang = meta.path("language_info").path("name").asText("");
    }
    return lang.isEmpty() ? "python" : lang;
  }

  /**
   * Returns a copy whose cells numbered in {@code sources} have that source; edited code cells lose
   * their stale outputs and execution count.
   *
   * @throws IllegalArgumentException when a number names no cell
   */
  public Notebook withSources(Map<Integer, String> sources) {
    Objects.requireNonNull(sources, "sources == null");
    ObjectNode copy = root.deepCopy();
    ArrayNode array = (ArrayNode) copy.get("cells");
    sources.forEach(
        (number, source) -> {
          if (number < 1
              || number > array.size()
              || !(array.get(number - 1) instanceof ObjectNode cell)) {
            throw new IllegalArgumentException("no cell " + number);
          }
          ArrayNode lines = cell.putArray("source");
          source.lines().forEach(l -> lines.add(l + "\n"));
          if (!lines.isEmpty()) {
            String last = lines.get(lines.size() - 1).asText();
            lines.set(lines.size() - 1, last.substring(0, last.length() - 1));
          }
          if ("code".equals(cell.path("cell_type").asText())) {
            cell.putArray("outputs");
            cell.putNull("execution_count");
          }
        });
    return new Notebook(copy);
  }

  /** Returns the notebook as JSON. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write notebook JSON", e);
    }
  }

  /** Writes the notebook to {@code file} through a temporary file and an atomic rename. */
  public void write(Path file) throws IOException {
    Objects.requireNonNull(file, "file == null");
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".notebook", ".tmp");
    try {
      Files.writeString(tmp, toJson(), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static List<Cell> readCells(ObjectNode root) {
    List<Cell> cells = new ArrayList<>();
    int number = 0;
    for (JsonNode cell : root.get("cells")) {
      number++;
      String type = cell.path("cell_type").asText("code");
      StringBuilder output = new StringBuilder();
      String error = null;
      for (JsonNode out : cell.path("outputs")) {
        switch (out.path("output_type").asText()) {
          case "stream" -> output.append(text(out.path("text")));
          case "execute_result", "display_data" ->
              output.append(text(out.path("data").path("text/plain"))).append('\n');
          case "error" ->
              error =
                  out.path("ename").asText("Error")
                      + ": "
                      + out.path("evalue").asText("")
                      + "\n"
                      + ANSI.matcher(lines(out.path("traceback"))).replaceAll("");
          default -> {}
        }
      }
      cells.add(
          new Cell(
              number,
              type,
              text(cell.path("source")),
              output.toString().strip(),
              Optional.ofNullable(error).map(String::strip)));
    }
    return List.copyOf(cells);
  }

  /** Notebook text is a string or an array of pieces that carry their own newlines. */
  private static String text(JsonNode node) {
    return text(node, false);
  }

  /** Tracebacks are arrays of lines without newlines: {@code eachLine} adds them. */
  private static String lines(JsonNode node) {
    return text(node, true);
  }

  private static String text(JsonNode node, boolean eachLine) {
    if (node.isTextual()) {
      return node.asText();
    }
    if (!node.isArray()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (JsonNode part : node) {
      String s = part.asText("");
      b.append(s);
      if (eachLine && !s.endsWith("\n")) {
        b.append('\n');
      }
    }
    return b.toString();
  }
}
