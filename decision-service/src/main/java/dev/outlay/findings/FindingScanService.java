package dev.outlay.findings;

import jakarta.enterprise.context.ApplicationScoped;

// TEMPORARY until the engine lands.
@ApplicationScoped
public class FindingScanService {
    public interface Progress {
        void at(int total, int evaluated);
    }
    public FindingScan.Counts scan(java.util.UUID scanId, String profileName, java.time.LocalDate asOf, Progress progress) {
        throw new IllegalStateException("engine not merged yet");
    }
}
