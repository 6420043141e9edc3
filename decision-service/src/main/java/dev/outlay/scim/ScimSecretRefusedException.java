package dev.outlay.scim;

/** An admin's SCIM settings request with an invalid field (answered 422 by the admin API). */
public class ScimSecretRefusedException extends RuntimeException {

    private final String field;

    public ScimSecretRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
