package zcbench.harness.env;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which zcbench made the numbers: the git commit the jar was built from, with "-dirty" when the work tree had
 * changes then. The build stamps it (git-commit-id-maven-plugin writes zcbench-git.properties); a jar built
 * outside a git work tree says so.
 */
public final class BuildVersion {
    static final String RESOURCE = "/zcbench-git.properties";

    private BuildVersion() {
    }

    public static String get() {
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown (no " + RESOURCE.substring(1) + " in the jar: built without Maven)";
            }
            Properties p = new Properties();
            p.load(in);
            return of(p);
        } catch (IOException e) {
            return "unknown (" + RESOURCE.substring(1) + " unreadable: " + e.getMessage() + ")";
        }
    }

    static String of(Properties p) {
        String commit = p.getProperty("git.commit.id.abbrev", "");
        if (commit.isEmpty() || commit.startsWith("${")) {
            return "unknown (built outside a git work tree)";
        }
        return commit + (Boolean.parseBoolean(p.getProperty("git.dirty")) ? "-dirty" : "");
    }
}
