import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fails the build when a Java package is present in two modules, when a module holds a package
 * outside its own root, or when codex-bom misses a published module or has another revision.
 *
 * <p>Split packages break the module path (two automatic modules may not export one package), so
 * every module declares its package root in {@code codex.module.name} and keeps every package under
 * it. Run from the reactor root: {@code java build-tools/PackageOwnershipCheck.java .}
 */
public final class PackageOwnershipCheck {
  private static final Pattern MODULE_NAME =
      Pattern.compile("<codex\\.module\\.name>([^<]+)</codex\\.module\\.name>");
  private static final Pattern PARENT = Pattern.compile("(?s)<parent>.*?</parent>");
  private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>([^<]+)</artifactId>");
  private static final Pattern REVISION = Pattern.compile("<revision>([^<]+)</revision>");
  private static final String NOT_PUBLISHED = "<maven.deploy.skip>true</maven.deploy.skip>";

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    Map<String, String> ownerByPackage = new TreeMap<>();
    Map<String, String> moduleByRoot = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    List<String> published = new ArrayList<>();
    try (Stream<Path> poms = Files.walk(root, 3)) {
      for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
        Path moduleDir = pom.getParent();
        if (moduleDir.equals(root) || pathHas(moduleDir, "target")) {
          continue;
        }
        String module = root.relativize(moduleDir).toString();
        String pomText = Files.readString(pom);
        Matcher m = MODULE_NAME.matcher(pomText);
        Path sources = moduleDir.resolve("src/main/java");
        if (!m.find()) {
          if (Files.isDirectory(sources)) {
            problems.add(module + ": has Java sources but no <codex.module.name> property");
          }
          continue;
        }
        String packageRoot = m.group(1).trim();
        if (!pomText.contains(NOT_PUBLISHED)) {
          Matcher id = ARTIFACT_ID.matcher(PARENT.matcher(pomText).replaceFirst(""));
          if (id.find()) {
            published.add(id.group(1));
          }
        }
        String previous = moduleByRoot.put(packageRoot, module);
        if (previous != null) {
          problems.add("package root " + packageRoot + " claimed by " + previous + " and " + module);
        }
        for (String pkg : packagesUnder(sources)) {
          if (!pkg.equals(packageRoot) && !pkg.startsWith(packageRoot + ".")) {
            problems.add(module + ": package " + pkg + " is outside its root " + packageRoot);
          }
          String owner = ownerByPackage.putIfAbsent(pkg, module);
          if (owner != null) {
            problems.add("package " + pkg + " is present in " + owner + " and " + module);
          }
        }
      }
    }
    checkBom(root, published, problems);
    if (!problems.isEmpty()) {
      problems.forEach(p -> System.err.println("[package-ownership] " + p));
      System.exit(1);
    }
    System.out.println(
        "[package-ownership] "
            + ownerByPackage.size()
            + " packages in "
            + moduleByRoot.size()
            + " modules, none split");
  }

  /** The BOM stands alone (no parent), so its revision and module list are checked here. */
  private static void checkBom(Path root, List<String> published, List<String> problems)
      throws IOException {
    Path bom = root.resolve("codex-bom/pom.xml");
    if (!Files.exists(bom)) {
      problems.add("codex-bom/pom.xml is missing");
      return;
    }
    String bomText = Files.readString(bom);
    String rootRevision = firstGroup(REVISION, Files.readString(root.resolve("pom.xml")));
    String bomRevision = firstGroup(REVISION, bomText);
    if (!rootRevision.equals(bomRevision)) {
      problems.add("codex-bom revision " + bomRevision + " differs from the root's " + rootRevision);
    }
    for (String artifact : published) {
      if (!bomText.contains("<artifactId>" + artifact + "</artifactId>")) {
        problems.add("codex-bom does not list the published module " + artifact);
      }
    }
  }

  private static String firstGroup(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? m.group(1).trim() : "<none>";
  }

  private static boolean pathHas(Path dir, String name) {
    for (Path part : dir) {
      if (part.toString().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> packagesUnder(Path sources) throws IOException {
    if (!Files.isDirectory(sources)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(sources)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .map(f -> sources.relativize(f.getParent()).toString().replace('/', '.'))
          .filter(p -> !p.isEmpty())
          .distinct()
          .toList();
    }
  }
}
