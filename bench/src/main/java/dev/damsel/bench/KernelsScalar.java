package dev.damsel.bench;

import org.openjdk.jmh.annotations.Fork;

/** The {@link Kernels} on the scalar implementation; its twin differs only in the fork arguments. */
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Ddamsel.vector=scalar"})
public class KernelsScalar extends Kernels {
}
