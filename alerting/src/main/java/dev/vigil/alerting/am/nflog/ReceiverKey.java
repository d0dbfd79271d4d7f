package dev.vigil.alerting.am.nflog;

/** Which integration of which receiver a log entry is for: {@code receiver/webhook/0}. */
public record ReceiverKey(String receiver, String integration, int index) {
    @Override
    public String toString() {
        return receiver + "/" + integration + "/" + index;
    }
}
