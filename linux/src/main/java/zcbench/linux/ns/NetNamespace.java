package zcbench.linux.ns;

import java.nio.file.Path;
import java.util.function.Supplier;

import zcbench.linux.Errno;
import zcbench.linux.Libc;
import zcbench.linux.LinuxException;

/**
 * Runs code with only the calling thread inside another network namespace. setns(2) moves the
 * calling thread alone, so the JVM's other threads (and JMH's link to its host) stay where they
 * are; a socket keeps the namespace it was created in after the thread has switched back.
 */
public final class NetNamespace {
    public static final int CLONE_NEWNET = 0x40000000;
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;

    private static final int MNT_DETACH = 2;

    private NetNamespace() {
    }

    /**
     * Removes a named namespace as {@code ip netns delete} does: detach its bind mount and unlink
     * the file. The namespace itself goes when nothing holds it any more (sockets made in it
     * included). Done with two syscalls rather than a process, so that a benchmark's teardown
     * allocates next to nothing.
     */
    public static void delete(Path nsFile) {
        int rc = Libc.umount2(nsFile.toString(), MNT_DETACH);
        if (rc < 0 && rc != -Errno.EINVAL && rc != -Errno.ENOENT) {
            throw new LinuxException("umount2 " + nsFile, -rc);
        }
        rc = Libc.unlink(nsFile.toString());
        if (rc < 0 && rc != -Errno.ENOENT) {
            throw new LinuxException("unlink " + nsFile, -rc);
        }
    }

    /** Calls {@code body} inside the namespace whose file is {@code nsFile} (e.g. /var/run/netns/NAME). */
    public static <T> T callIn(Path nsFile, Supplier<T> body) {
        int home = LinuxException.check("open /proc/thread-self/ns/net",
                Libc.open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC));
        try {
            int target = Libc.open(nsFile.toString(), O_RDONLY | O_CLOEXEC);
            if (target < 0) {
                throw new LinuxException("open " + nsFile, -target);
            }
            try {
                LinuxException.check("setns " + nsFile, Libc.setns(target, CLONE_NEWNET));
            } finally {
                Libc.close(target);
            }
            try {
                return body.get();
            } finally {
                int rc = Libc.setns(home, CLONE_NEWNET);
                if (rc < 0) {
                    // A JVM thread left in the benchmark's namespace would send the wrong way
                    // from now on: nothing sensible can go on.
                    throw new Error(new LinuxException("setns back to the original namespace", -rc));
                }
            }
        } finally {
            Libc.close(home);
        }
    }
}
