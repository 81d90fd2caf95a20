package zcbench.harness.plan;

import java.util.LinkedHashMap;
import java.util.Map;

import zcbench.variants.Variant;

/** One row of a plan: the benchmark's parameters except target and cpu, which a run sets for all rows. */
public record Row(Variant variant, int payload, int batch, boolean flush, boolean ubufCache, boolean poll,
                  boolean verify) {

    /** A row with the C tools' loop: poll where it applies, no verify. */
    public Row(Variant variant, int payload, int batch, boolean flush, boolean ubufCache) {
        this(variant, payload, batch, flush, ubufCache, true, false);
    }

    /** JMH @Param values, named as in the benchmark. */
    public Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("variant", variant.id());
        p.put("payload", Integer.toString(payload));
        p.put("batch", Integer.toString(batch));
        p.put("flush", Boolean.toString(flush));
        p.put("ubufCache", ubufCache ? "on" : "off");
        p.put("poll", Boolean.toString(poll));
        p.put("verify", Boolean.toString(verify));
        return p;
    }

    /** A short label for progress lines and file names; poll and verify show only when not the C tools' way. */
    public String label() {
        return variant.id() + " payload=" + payload + " batch=" + batch
                + (variant.hasFlushKnob() ? " flush=" + flush : "")
                + (variant.hasUbufCacheKnob() ? " ubuf_cache=" + (ubufCache ? "on" : "off") : "")
                + (poll ? "" : " poll=false")
                + (verify ? " verify=true" : "");
    }
}
