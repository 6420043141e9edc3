package dev.outlay.sso;

/** The installation has no secrets key, so no client secret can be sealed or opened. */
public class SsoSecretsUnavailableException extends RuntimeException {

    public SsoSecretsUnavailableException(String message) {
        super(message);
    }
}
