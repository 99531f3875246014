package dev.damsel.core.vector;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the {@link VectorOps} once at start-up. {@code PanamaVectorOps} is loaded by name, never referenced
 * statically, so damsel runs without {@code jdk.incubator.vector}; any fallback to {@link ScalarVectorOps} is logged
 * with its exact reason. The system property {@value #PROPERTY} ({@code scalar}, {@code panama} or {@code openblas})
 * forces one: a forced {@code panama} or {@code openblas} that cannot load is an error rather than a silent fallback.
 * {@code openblas} (OpenBLAS's sgemm for the matrix product, {@code NativeBlasVectorOps}, also loaded by name) is
 * never the default.
 */
public final class VectorOpsProvider {
    /** The system property that forces an implementation. */
    public static final String PROPERTY = "damsel.vector";
    private static final String PANAMA_CLASS = "dev.damsel.core.vector.PanamaVectorOps";
    private static final String NATIVE_BLAS_CLASS = "dev.damsel.core.vector.NativeBlasVectorOps";
    private static final String MODULE = "jdk.incubator.vector";
    private static final Logger LOG = LogManager.getLogger(VectorOpsProvider.class);

    private VectorOpsProvider() {
    }

    /** The implementation the property asks for, else Panama when it loads, else scalar. */
    static VectorOps choose() {
        return choose(System.getProperty(PROPERTY, ""));
    }

    /** The implementation a value of {@value #PROPERTY} asks for (blank: the default). */
    static VectorOps choose(String property) {
        String forced = property.trim().toLowerCase(Locale.ROOT);
        switch (forced) {
            case "scalar" -> {
                LOG.info("vector kernels: scalar (forced by -D{}=scalar)", PROPERTY);
                return new ScalarVectorOps();
            }
            case "panama" -> {
                VectorOps ops = loadPanama().orElseThrow(() -> new VectorBackendException("-D" + PROPERTY
                        + "=panama, but the Panama kernels cannot load: " + whyNotPanama()));
                LOG.info("vector kernels: {} ({} bit, forced by -D{}=panama)", ops.name(), ops.bitWidth(), PROPERTY);
                return ops;
            }
            case "openblas" -> {
                String[] reason = new String[1];
                VectorOps ops = load(NATIVE_BLAS_CLASS, reason);
                if (ops == null) {
                    throw new VectorBackendException("-D" + PROPERTY + "=openblas, but OpenBLAS cannot load: "
                            + reason[0]);
                }
                LOG.info("vector kernels: {} (forced by -D{}=openblas)", ops, PROPERTY);
                return ops;
            }
            case "" -> {
                Optional<VectorOps> panama = loadPanama();
                if (panama.isPresent()) {
                    LOG.debug("vector kernels: panama ({} bit)", panama.get().bitWidth());
                    return panama.get();
                }
                LOG.warn("vector kernels: falling back to scalar: {}", whyNotPanama());
                return new ScalarVectorOps();
            }
            default -> throw new VectorBackendException("-D" + PROPERTY + " must be scalar, panama or openblas, got '"
                    + forced + "'");
        }
    }

    /** A new Panama implementation, if this JVM and this hardware can run one. */
    public static Optional<VectorOps> loadPanama() {
        return Optional.ofNullable(tryPanama(new String[1]));
    }

    /** Why {@link #loadPanama()} is empty, or {@code "available"}. */
    public static String whyNotPanama() {
        String[] reason = new String[1];
        return tryPanama(reason) == null ? reason[0] : "available";
    }

    private static VectorOps tryPanama(String[] reason) {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            reason[0] = "module " + MODULE + " is not present (start Java with --add-modules " + MODULE + ")";
            return null;
        }
        return load(PANAMA_CLASS, reason);
    }

    /** A new native-BLAS implementation, if its jars are on the class path and its native library loads. */
    public static Optional<VectorOps> loadNativeBlas() {
        return Optional.ofNullable(load(NATIVE_BLAS_CLASS, new String[1]));
    }

    /** Why {@link #loadNativeBlas()} is empty, or {@code "available"}. */
    public static String whyNotNativeBlas() {
        String[] reason = new String[1];
        return load(NATIVE_BLAS_CLASS, reason) == null ? reason[0] : "available";
    }

    /** A new instance of the named implementation, or null with the reason in {@code reason[0]}. */
    private static VectorOps load(String className, String[] reason) {
        try {
            Class<?> type = Class.forName(className);
            var constructor = type.getDeclaredConstructor();
            return (VectorOps) constructor.newInstance();
        } catch (InvocationTargetException e) {
            reason[0] = e.getCause() instanceof NoClassDefFoundError missing ? missingClass(className, missing)
                    : String.valueOf(e.getCause().getMessage());
        } catch (NoClassDefFoundError e) {
            reason[0] = missingClass(className, e);
        } catch (ReflectiveOperationException | LinkageError e) {
            reason[0] = "cannot load " + className + ": " + e;
        }
        return null;
    }

    private static String missingClass(String className, NoClassDefFoundError e) {
        return "a class it needs is not on the class path: " + e.getMessage()
                + (className.equals(NATIVE_BLAS_CLASS) ? " (the org.bytedeco openblas and javacpp jars)" : "");
    }
}
