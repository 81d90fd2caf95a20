package zcbench.harness.cli;

import picocli.CommandLine.IVersionProvider;
import zcbench.harness.env.BuildVersion;

/** "zcbench &lt;commit&gt;[-dirty], JMH 1.37, Java ...": the commit is the one the jar was built from. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"zcbench " + BuildVersion.get() + ", JMH 1.37, Java "
                + System.getProperty("java.runtime.version")};
    }
}
