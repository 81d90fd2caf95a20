package zcbench.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.junit.jupiter.api.Test;

class LinuxExceptionTest {

    @Test
    void failedCallNamesTheCallTheErrnoSymbolAndItsText() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(16);
            long rc = SocketCalls.send(-1, buf, 16, 0);
            assertEquals(-Errno.EBADF, rc, "-errno on failure");
            LinuxException e = assertThrows(LinuxException.class, () -> LinuxException.check("sendto", rc));
            assertEquals("sendto: EBADF (Bad file descriptor)", e.getMessage());
            assertEquals(Errno.EBADF, e.errno());
        }
    }

    @Test
    void knownCuresAreNamed() {
        LinuxException e = new LinuxException("io_uring_register(IORING_REGISTER_BUFFERS, 8)", Errno.ENOMEM);
        assertEquals("io_uring_register(IORING_REGISTER_BUFFERS, 8): ENOMEM (Cannot allocate memory) — registered"
                + " buffers count against the locked-memory limit: raise it (ulimit -l) or run as root", e.getMessage());
    }

    @Test
    void errnoOfASuccessfulCallIsNotReported() {
        // A failing call leaves errno set; the next successful call must not be mistaken for a failure.
        Libc.close(-1);
        int fd = LinuxException.check("open /dev/null", Libc.open("/dev/null", 0));
        assertEquals(0, Libc.close(fd));
    }
}
