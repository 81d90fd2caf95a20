package zcbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import zcbench.harness.run.TrialOrder.Trial;

/** Each round runs every row once, in an order the seed repeats; --order rows keeps the plan's order. */
class TrialOrderTest {

    @Test
    void eachRoundIsAPermutationOfTheRowsInTheOrderTheSeedRepeats() {
        int rows = 9;
        int rounds = 5;
        List<Trial> trials = TrialOrder.rounds(42).trials(rows, rounds);
        assertEquals(rows * rounds, trials.size());
        for (int round = 1; round <= rounds; round++) {
            int r = round;
            List<Trial> inRound = trials.subList((round - 1) * rows, round * rows);
            assertEquals(IntStream.range(0, rows).boxed().toList(),
                    inRound.stream().map(Trial::row).sorted().toList(), "round " + round + " runs every row once");
            assertEquals(IntStream.rangeClosed(1, rows).boxed().toList(),
                    inRound.stream().map(Trial::position).toList(), "positions 1.." + rows + " in order");
            inRound.forEach(t -> assertEquals(r, t.round()));
        }
        assertEquals(trials, TrialOrder.rounds(42).trials(rows, rounds), "the same seed, the same order");
        assertNotEquals(trials, TrialOrder.rounds(43).trials(rows, rounds), "another seed, another order");
        List<List<Integer>> orders = IntStream.range(0, rounds)
                .mapToObj(i -> trials.subList(i * rows, (i + 1) * rows).stream().map(Trial::row).toList()).toList();
        assertNotEquals(1, orders.stream().distinct().count(), "a new order each round: " + orders);
    }

    @Test
    void rowsOrderRunsEachRowsForksBackToBackInPlanOrder() {
        assertEquals(List.of(new Trial(1, 1, 0), new Trial(2, 1, 0), new Trial(1, 2, 1), new Trial(2, 2, 1)),
                TrialOrder.ROWS.trials(2, 2));
    }

    @Test
    void envJsonKeepsTheOrderAndTheSeed() {
        var env = new java.util.LinkedHashMap<String, Object>();
        TrialOrder.rounds(7).record(env);
        assertEquals(java.util.Map.of("order", "rounds", "seed", 7L), env);
        env.clear();
        TrialOrder.ROWS.record(env);
        assertEquals(java.util.Map.of("order", "rows"), env);
    }
}
