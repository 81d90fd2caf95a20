package zcbench.profiles.jfr;

import jdk.jfr.Configuration;
import jdk.jfr.EventType;
import jdk.jfr.Recording;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import zcbench.vocabulary.Counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JfrSessionTest {

    @Test
    void settingsEnableNativeSamplesAndIterations(@TempDir Path run) throws Exception {
        JfrSession session = JfrSession.prepare(run);
        assertEquals(run.toAbsolutePath().resolve("jfr/zcbench.jfc"), session.settings());
        assertEquals(JfrProfiler.class, session.profilerClass());
        assertEquals("settings=" + session.settings() + ";dir=" + run.toAbsolutePath().resolve("jfr/.jmh-jfr"),
                session.profilerOptions());
        assertTrue(session.forkJvmArgs().contains("-XX:FlightRecorderOptions:stackdepth=128"), session.forkJvmArgs()
                .toString());

        var settings = Configuration.create(session.settings()).getSettings();
        assertEquals("true", settings.get(IterationEvent.NAME + "#enabled"));
        assertEquals("true", settings.get("jdk.NativeMethodSample#enabled"));
        assertEquals("10 ms", settings.get("jdk.NativeMethodSample#period"));
        assertEquals("true", settings.get("jdk.ExecutionSample#enabled"));
    }

    @Test
    void iterationEventSpansTheIterationWithRowAndCounts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("it.jfr");
        try (Recording recording = new Recording(Configuration.create(JfrSession.prepare(dir).settings()))) {
            recording.start();
            IterationEvent event = IterationEvent.start("uring_zc_fixed-65435-b8-flush=false-ubuf_cache=on-sink",
                    "uring_zc_fixed", 65435, 8, false, "on", "sink");
            Thread.sleep(20);
            Map<Counter, Long> counts = Map.of(Counter.PACKETS, 800L, Counter.BYTES, 800L * 65435,
                    Counter.NOTIFICATIONS, 800L, Counter.COPIED, 3L, Counter.RETRIES, 1L, Counter.ENTERS, 100L);
            event.finish(c -> counts.getOrDefault(c, 0L));
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals(IterationEvent.NAME)).toList();
        assertEquals(1, events.size());
        RecordedEvent e = events.getFirst();
        assertEquals("uring_zc_fixed-65435-b8-flush=false-ubuf_cache=on-sink", e.getString("row"));
        assertEquals("uring_zc_fixed", e.getString("variant"));
        assertEquals("on", e.getString("ubuf_cache"));
        assertEquals(65435, e.getInt("payload"));
        assertEquals(8, e.getInt("batch"));
        assertEquals("sink", e.getString("target"));
        assertEquals(800L * 65435, e.getLong("bytes"));
        assertEquals(3, e.getLong("copied"));
        assertEquals(100, e.getLong("enters"));
        assertTrue(e.getDuration().toMillis() >= 20, e.getDuration().toString());
    }

    /** JFR reads the event's fields: one per counter, named by its id, besides the row's. */
    @Test
    void theEventHasAFieldPerCounter() {
        List<String> fields = EventType.getEventType(IterationEvent.class).getFields().stream()
                .map(ValueDescriptor::getName).toList();
        assertEquals(Counter.ids(), fields.subList(fields.size() - Counter.values().length, fields.size()));
    }

    @Test
    void withoutARecordingTheEventIsNotFilledIn() {
        IterationEvent event = IterationEvent.start("copy-4096-b1-loopback", "copy", 4096, 1, true, "off",
                "loopback");
        event.finish(c -> c == Counter.PACKETS ? 1 : 0);
        assertEquals(null, event.variant);
        assertEquals(0, event.packets);
    }
}
