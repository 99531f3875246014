package dev.damsel.runner;

import dev.damsel.runner.provenance.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code damsel --version}: the build's version and commit. */
public final class DamselVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        BuildInfo build = BuildInfo.current();
        return new String[]{"damsel " + build.version() + " (commit " + build.commit() + (build.dirty() ? ", dirty" : "")
                + ")", "Java " + System.getProperty("java.version")};
    }
}
