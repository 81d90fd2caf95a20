package zcbench.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NotificationLatencyTest {

    @Test
    void recordsTheTimeFromSendToNotificationInMeasuredIterationsOnly() {
        NotificationLatency latency = new NotificationLatency(2);
        latency.sent(1, 1_000);
        latency.notified(1, 3_000);
        latency.recording(true);
        latency.sent(2, 10_000);
        latency.notified(2, 15_000);
        assertEquals(1, latency.histogram().getTotalCount(), "the warm-up notification is not recorded");
        assertEquals(5_000, latency.histogram().getMaxValue(), 5);
    }

    /** A send still awaiting its notification a table's length of ids later keeps its time, or the row fails. */
    @Test
    void aSendWhoseSlotStillAwaitsANotificationIsRefusedNotOverwritten() {
        NotificationLatency latency = new NotificationLatency(1);
        latency.recording(true);
        latency.sent(0, 1_000);
        for (int id = 1; id < 8; id++) {
            latency.sent(id, 2_000);
            latency.notified(id, 2_500);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> latency.sent(8, 3_000));
        assertTrue(e.getMessage().startsWith("latency: send 8 would take the slot of a send 8 ids earlier"),
                e.getMessage());
        latency.notified(0, 90_000);
        assertEquals(89_000, latency.histogram().getMaxValue(), 89);
    }
}
