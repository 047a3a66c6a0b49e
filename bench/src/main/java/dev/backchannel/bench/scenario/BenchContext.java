package dev.backchannel.bench.scenario;

import dev.backchannel.bench.BenchProfile;
import dev.backchannel.bench.baseline.BaselineProcess;
import dev.backchannel.bench.load.LoadFleet;
import dev.backchannel.bench.load.SocketSpec;
import dev.backchannel.bench.publish.StatusInjector;
import dev.backchannel.bench.report.Charts;
import dev.backchannel.bench.report.Report;
import dev.backchannel.bench.system.SystemUnderTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a scenario works with: sizes, the system, the baseline, the load generator, the report.
 * {@code injector} publishes onto {@code status} (the gateway's feed), {@code baselineInjector} onto
 * the broker-fed baseline's address on the same broker.
 */
public record BenchContext(BenchProfile profile, SystemUnderTest system, BaselineProcess baseline, LoadFleet fleet,
        StatusInjector injector, StatusInjector baselineInjector, Map<String, String> tokens, Report report,
        Charts charts) {

    /** The first {@code users} benchmark users, each with {@code windows} sockets: user-major order. */
    public List<SocketSpec> sockets(List<String> users, int windows) {
        List<SocketSpec> sockets = new ArrayList<>();
        for (String user : users) {
            for (int w = 0; w < windows; w++) {
                sockets.add(new SocketSpec(sockets.size(), user, tokens.get(user)));
            }
        }
        return sockets;
    }

    public List<String> users(int count) {
        return List.copyOf(tokens.keySet()).subList(0, count);
    }

    /** The processes whose CPU a run reports, by role. */
    public Map<String, Long> processes() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("gateway", system.gatewayPid());
        pids.put("broker", system.brokerPid());
        pids.put("baseline", baseline.pid());
        for (int i = 0; i < fleet.pids().size(); i++) {
            pids.put("load-worker-" + (i + 1), fleet.pids().get(i));
        }
        pids.put("driver", ProcessHandle.current().pid());
        return pids;
    }
}
