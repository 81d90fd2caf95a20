package zcbench.harness.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import zcbench.analysis.jmh.Run;

/**
 * In which order a run measures its (row, fork) trials (docs/ARCHITECTURE.md, "Rounds").
 *
 * <p>{@link Kind#ROUNDS}: a run of R forks per row is R rounds; each round runs one fork of every row, the rows
 * in a fresh random order drawn from a {@link Random} seeded with {@link #seed}, so that the same seed repeats the
 * same order. A drift of the machine then reaches every row alike, and the forks of two rows in the same round
 * ran seconds apart. {@link Kind#ROWS}: each row's forks back to back, the rows in plan order (one JMH run per
 * row), for a session that profiles a row as a whole (flame graphs, JFR).
 */
public record TrialOrder(Kind kind, long seed) {
    public enum Kind {
        ROUNDS(Run.ROUNDS), ROWS("rows");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The name in --order, env.json's "order" and the analysis. */
        public String id() {
            return id;
        }

        public static Kind of(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("--order " + id + " is not one of rounds, rows");
        }
    }

    /**
     * One fork of one row.
     *
     * @param round    1 to R: the fork's number within its row
     * @param position 1 to the plan's row count: where the row ran in its round
     * @param row      the row's index in the plan
     */
    public record Trial(int round, int position, int row) {
    }

    /** Today's order: rows one after another in plan order, each row's forks in one JMH run. */
    public static final TrialOrder ROWS = new TrialOrder(Kind.ROWS, 0);

    /** Rounds in an order drawn from a seed of its own, which the run prints and keeps in env.json. */
    public static TrialOrder freshRounds() {
        return rounds(new SplittableRandom().nextLong());
    }

    public static TrialOrder rounds(long seed) {
        return new TrialOrder(Kind.ROUNDS, seed);
    }

    public boolean inRounds() {
        return kind == Kind.ROUNDS;
    }

    /**
     * Every trial of {@code rows} rows of {@code forks} forks, in the order they run. In rounds, each round is a
     * permutation of every row of the plan, skipped ones too, so that a seed gives the same order on every
     * machine; a row this machine skips just leaves its place empty.
     */
    public List<Trial> trials(int rows, int forks) {
        List<Trial> trials = new ArrayList<>(rows * forks);
        if (!inRounds()) {
            for (int row = 0; row < rows; row++) {
                for (int fork = 1; fork <= forks; fork++) {
                    trials.add(new Trial(fork, row + 1, row));
                }
            }
            return trials;
        }
        Random random = new Random(seed);
        for (int round = 1; round <= forks; round++) {
            List<Integer> order = new ArrayList<>(IntStream.range(0, rows).boxed().toList());
            Collections.shuffle(order, random);
            for (int position = 0; position < rows; position++) {
                trials.add(new Trial(round, position + 1, order.get(position)));
            }
        }
        return trials;
    }

    /** env.json's words for it: the order, and in rounds the seed that repeats it. */
    public void record(java.util.Map<String, Object> env) {
        env.put(Run.ORDER, kind.id());
        if (inRounds()) {
            env.put("seed", seed);
        }
    }
}
