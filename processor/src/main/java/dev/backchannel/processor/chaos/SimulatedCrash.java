package dev.backchannel.processor.chaos;

/**
 * Stands for the processor dying mid-command (chaos {@code processorCrashRate}): the message is
 * not acknowledged, so the broker delivers it again, and the command is still processed once.
 */
public class SimulatedCrash extends RuntimeException {

    public SimulatedCrash(String commandId, boolean afterCommit) {
        super("simulated crash " + (afterCommit ? "after commit" : "before commit") + " of command " + commandId,
                null, false, false);
    }
}
