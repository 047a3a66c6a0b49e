package dev.backchannel.client.receipts;

/** Told once for every change of a receipt's state; duplicates of an outcome are not told again. */
@FunctionalInterface
public interface ReceiptListener {

    void onReceiptChanged(Receipt receipt, ReceiptState previous);
}
