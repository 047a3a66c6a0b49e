package dev.backchannel.bench.load;

/** One client socket to open: its number in the run, its user and that user's token. */
public record SocketSpec(int index, String userId, String token) {
}
