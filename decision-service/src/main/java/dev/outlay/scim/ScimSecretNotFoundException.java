package dev.outlay.scim;

/** No usable SCIM secret of that id in the caller's tenant. */
public class ScimSecretNotFoundException extends RuntimeException {

    public ScimSecretNotFoundException(String id) {
        super("No SCIM secret " + id + ".");
    }
}
