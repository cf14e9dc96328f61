package dev.codexcontinue.memory.faiss.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the distance kernel once per JVM: the Vector API kernel when the module {@code
 * jdk.incubator.vector} is in the boot layer (the JVM was started with {@code --add-modules
 * jdk.incubator.vector}), the plain-Java kernel otherwise. The system property {@code
 * codex.faiss.kernel=scalar} forces the plain kernel.
 */
public final class Kernels {
  private static final Logger log = LoggerFactory.getLogger(Kernels.class);
  private static final String VECTOR_MODULE = "jdk.incubator.vector";

  /** The kernel in use; a constant so that the JIT inlines every call through it. */
  public static final DistanceKernel ACTIVE = select();

  private Kernels() {}

  /** Returns the kernel in use. */
  public static DistanceKernel active() {
    return ACTIVE;
  }

  /** Returns the plain-Java kernel, whatever is active (for tests and benchmarks). */
  public static DistanceKernel scalar() {
    return new ScalarKernel();
  }

  /** Returns whether the Vector API module was added to this JVM. */
  public static boolean isVectorApiAvailable() {
    return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
  }

  /** Returns the Vector API kernel, or the plain kernel when the module is absent. */
  public static DistanceKernel vectorApiOrScalar() {
    if (!isVectorApiAvailable()) {
      return new ScalarKernel();
    }
    try {
      DistanceKernel k =
          (DistanceKernel)
              Class.forName(Kernels.class.getPackageName() + ".VectorApiKernel")
                  .getDeclaredConstructor()
                  .newInstance();
      float[] probe = {1f, 2f, 3f};
      if (k.dot(probe, 0, probe, 0, 3) != 14f) {
        throw new IllegalStateException("Vector API kernel failed its self-check");
      }
      return k;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      log.warn("Vector API present but unusable, using plain loops: {}", e.toString());
      return new ScalarKernel();
    }
  }

  private static DistanceKernel select() {
    DistanceKernel k =
        "scalar".equals(System.getProperty("codex.faiss.kernel"))
            ? new ScalarKernel()
            : vectorApiOrScalar();
    log.debug("distance kernel: {}", k.name());
    return k;
  }
}
