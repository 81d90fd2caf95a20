package zcbench.profiles.rows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The folder a trial's profiler output goes to before {@link TrialFiles#collect} names it after its row. Not the
 * trial id itself, as JMH's own profilers name theirs: the id holds every parameter's name and value, and with
 * zcbench's knobs it passes the 255 bytes a file name may have (ENAMETOOLONG) for the longer variants. A digest of
 * the id is as unique, the same in the fork that writes and the process that collects, and short.
 */
public final class TrialDir {
    private static final int HEX_DIGITS = 16;

    private TrialDir() {
    }

    public static String of(String trialId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(trialId.getBytes(StandardCharsets.UTF_8));
            return "trial-" + HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
