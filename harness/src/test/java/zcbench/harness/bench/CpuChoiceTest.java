package zcbench.harness.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;

import org.junit.jupiter.api.Test;

import zcbench.linux.sched.Affinity;

/** Each sender of a row on its own CPU: the chosen one for the first, each usable one below it for the next. */
class CpuChoiceTest {

    @Test
    void theSendersTakeTheCpusDownwardFromTheChosenOne() {
        BitSet allowed = Affinity.currentThread();
        int last = CpuChoice.parse("last");
        assertEquals(last, CpuChoice.forThread(last, 0, allowed.cardinality()));
        int cpu = last;
        for (int i = 1; i < allowed.cardinality(); i++) {
            cpu = allowed.previousSetBit(cpu - 1);
            assertEquals(cpu, CpuChoice.forThread(last, i, allowed.cardinality()), "sender " + i);
        }
        assertEquals(-1, CpuChoice.forThread(-1, 1, 2), "unpinned stays unpinned");
        int first = allowed.nextSetBit(0);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> CpuChoice.forThread(first, 1, 2));
        assertTrue(none.getMessage().startsWith("threads=2 from cpu " + first + " needs 2 CPUs at or below it"),
                none.getMessage());
    }

    @Test
    void aRowsSendersAreEachThreadsCpuAndTheOthersGetTheRest() {
        BitSet allowed = Affinity.currentThread();
        int last = CpuChoice.parse("last");
        int[] all = CpuChoice.senders("last", allowed.cardinality());
        assertEquals(allowed.cardinality(), all.length);
        for (int i = 0; i < all.length; i++) {
            assertEquals(CpuChoice.forThread(last, i, all.length), all[i], "sender " + i);
        }
        assertTrue(CpuChoice.leftToOthers(all).isEmpty(), "the senders take every CPU: " + Arrays.toString(all));
        assertArrayEquals(new int[] {last}, CpuChoice.senders("last", 1));
        BitSet rest = (BitSet) allowed.clone();
        rest.clear(last);
        assertEquals(rest, CpuChoice.leftToOthers(new int[] {last}));
        assertArrayEquals(new int[0], CpuChoice.senders("-1", 2), "unpinned senders have no CPU");
        assertEquals(allowed, CpuChoice.leftToOthers(new int[0]));
    }
}
