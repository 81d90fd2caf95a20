package zcbench.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import zcbench.vocabulary.Counter;

class SendBenchmarkTest {
    /**
     * JMH names a row's secondary results after the public fields of its @AuxCounters class, so those fields
     * are the vocabulary's counters, one each, and nothing else.
     */
    @Test
    void theAuxCountersAreTheVocabularysCounters() {
        List<String> fields = Arrays.stream(SendCounts.class.getDeclaredFields())
                .filter(f -> Modifier.isPublic(f.getModifiers())).map(Field::getName).toList();
        assertEquals(Counter.values().length, fields.size(), fields.toString());
        assertEquals(Set.copyOf(Counter.ids()), Set.copyOf(fields));
    }
}
