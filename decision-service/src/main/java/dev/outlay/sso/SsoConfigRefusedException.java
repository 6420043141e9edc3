package dev.outlay.sso;

import java.util.List;

/** An SSO registration refused as a whole: every fault is listed and nothing was stored. */
public class SsoConfigRefusedException extends RuntimeException {

    private final transient List<SsoFault> faults;

    public SsoConfigRefusedException(String message, List<SsoFault> faults) {
        super(message);
        this.faults = List.copyOf(faults);
    }

    public List<SsoFault> faults() {
        return faults;
    }
}
