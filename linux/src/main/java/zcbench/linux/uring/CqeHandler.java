package zcbench.linux.uring;

/** Receives the fields of one CQE; implementations are long-lived so that reaping allocates nothing. */
@FunctionalInterface
public interface CqeHandler {
    void onCqe(long userData, int res, int flags);
}
