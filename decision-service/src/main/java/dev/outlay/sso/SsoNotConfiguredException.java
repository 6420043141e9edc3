package dev.outlay.sso;

/** The tenant has no SSO registration (or, to another tenant, none that can be seen). */
public class SsoNotConfiguredException extends RuntimeException {

    public SsoNotConfiguredException(String message) {
        super(message);
    }
}
