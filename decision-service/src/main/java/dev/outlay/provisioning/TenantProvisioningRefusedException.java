package dev.outlay.provisioning;

/** An operator request refused before anything changed: 404 unknown tenant, 409 exists already, 422 a field (named). */
public class TenantProvisioningRefusedException extends RuntimeException {

    private final int status;
    private final String field;

    public TenantProvisioningRefusedException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
