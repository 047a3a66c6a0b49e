package dev.backchannel.bench;

import dev.backchannel.client.http.SessionTokens;
import dev.backchannel.client.time.Scheduler;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** Signs the benchmark's users in through the client library ({@code POST /api/sessions}), a few at a time. */
final class UserTokens {

    private UserTokens() {
    }

    static Map<String, String> signIn(URI apiUrl, List<String> users, int concurrency) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore permits = new Semaphore(concurrency);
        List<CompletableFuture<String>> tokens = new ArrayList<>();
        for (String user : users) {
            permits.acquireUninterruptibly();
            SessionTokens session = new SessionTokens(http, apiUrl, user, Duration.ofSeconds(30), Scheduler.system());
            tokens.add(session.refresh().whenComplete((token, error) -> permits.release()));
        }
        Map<String, String> byUser = new LinkedHashMap<>();
        for (int i = 0; i < users.size(); i++) {
            byUser.put(users.get(i), tokens.get(i).join());
        }
        return byUser;
    }
}
