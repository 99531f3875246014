package dev.damsel.bench;

import org.openjdk.jmh.annotations.Fork;

/** The {@link Kernels} on the panama implementation; its twin differs only in the fork arguments. */
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Ddamsel.vector=panama"})
public class KernelsPanama extends Kernels {
}
