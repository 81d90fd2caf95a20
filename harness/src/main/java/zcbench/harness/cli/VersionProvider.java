package zcbench.harness.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"zcbench " + (v == null ? "(development build)" : v) + ", JMH 1.37, Java "
                + System.getProperty("java.runtime.version")};
    }
}
