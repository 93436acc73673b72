package org.strowger.transfer;

import java.util.Objects;

/**
 * The result of a transfer, park or pickup, with a sentence for logs and the console.
 *
 * @param result what happened
 * @param detail why, in words (which channel went where, or why not)
 */
public record TransferOutcome(TransferResult result, String detail) {

    public TransferOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean completed() {
        return result == TransferResult.COMPLETED;
    }

    public static TransferOutcome completed(String detail) {
        return new TransferOutcome(TransferResult.COMPLETED, detail);
    }

    public static TransferOutcome failed(TransferResult result, String detail) {
        return new TransferOutcome(result, detail);
    }
}
