package dev.backchannel.bench.scenario;

import dev.backchannel.bench.system.ProcessProbe;
import java.util.LinkedHashMap;
import java.util.Map;

/** CPU time of several processes at one moment; two samples give each one's cores used in between. */
record CpuSample(long atNanos, Map<String, Long> cpuNanos) {

    static CpuSample of(Map<String, Long> pids) {
        Map<String, Long> cpu = new LinkedHashMap<>();
        pids.forEach((role, pid) -> cpu.put(role, ProcessProbe.cpuNanos(pid)));
        return new CpuSample(System.nanoTime(), cpu);
    }

    /** Cores each process kept busy between {@code earlier} and this sample (load workers summed). */
    Map<String, Double> coresSince(CpuSample earlier) {
        double wall = atNanos - earlier.atNanos;
        Map<String, Double> cores = new LinkedHashMap<>();
        cpuNanos.forEach((role, nanos) -> {
            Long before = earlier.cpuNanos.get(role);
            if (nanos >= 0 && before != null && before >= 0) {
                String key = role.startsWith("load-worker") ? "load-workers" : role;
                cores.merge(key, Math.round((nanos - before) / wall * 100) / 100.0, Double::sum);
            }
        });
        return cores;
    }

    /** CPU nanoseconds one process used since {@code earlier}, or -1. */
    long usedSince(CpuSample earlier, String role) {
        Long now = cpuNanos.get(role);
        Long before = earlier.cpuNanos.get(role);
        return now == null || before == null || now < 0 || before < 0 ? -1 : now - before;
    }
}
