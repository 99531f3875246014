package dev.damsel.runner.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project version and git commit recorded at build time. */
public record BuildInfo(String version, String commit, boolean dirty) {
    private static final String RESOURCE = "/dev/damsel/runner/build.properties";

    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        return new BuildInfo(known(p.getProperty("version")), known(p.getProperty("commit")),
                Boolean.parseBoolean(p.getProperty("dirty")));
    }

    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }
}
