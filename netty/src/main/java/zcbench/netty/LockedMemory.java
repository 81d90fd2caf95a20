package zcbench.netty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import zcbench.linux.Errno;

/**
 * netty's io_uring ring is memory the kernel may charge to the locked-memory limit: when it cannot make one
 * (ENOMEM), the row says which limit to raise instead of netty's bare errno.
 */
final class LockedMemory {
    private LockedMemory() {
    }

    /** {@code failure} itself, or, where an ENOMEM of the io_uring transport is behind it, that said in one sentence. */
    static RuntimeException explain(RuntimeException failure, NettyTransport transport) {
        if (transport != NettyTransport.IO_URING || !outOfMemory(failure)) {
            return failure;
        }
        return new IllegalStateException(transport.prose() + " could not make its ring (ENOMEM): raise the locked-memory"
                + " limit of the shell that runs zcbench, e.g. ulimit -l unlimited (now: " + lockedLimit() + ")", failure);
    }

    private static boolean outOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (m.contains("ENOMEM") || m.contains("Cannot allocate memory") || m.contains("errno " + Errno.ENOMEM)
                    || m.contains("(" + -Errno.ENOMEM + ")")) {
                return true;
            }
        }
        return false;
    }

    /** The process's RLIMIT_MEMLOCK as /proc/self/limits says it. */
    private static String lockedLimit() {
        try {
            return Files.readAllLines(Path.of("/proc/self/limits")).stream()
                    .filter(l -> l.startsWith("Max locked memory")).findFirst()
                    .map(l -> l.replaceAll("\\s+", " ").trim()).orElse("unknown");
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
