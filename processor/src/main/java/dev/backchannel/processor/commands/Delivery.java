package dev.backchannel.processor.commands;

import java.time.Instant;

/** When the processor received a command and how many times the broker has delivered it (1 first). */
public record Delivery(Instant deliveredAt, int deliveryCount) {
}
