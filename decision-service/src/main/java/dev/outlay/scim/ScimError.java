package dev.outlay.scim;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The SCIM error body (RFC 7644 §3.12); {@code status} is a string there, not a number. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScimError(List<String> schemas, String status, String scimType, String detail) {

    public static ScimError of(int status, String scimType, String detail) {
        return new ScimError(List.of(ScimMedia.ERROR), Integer.toString(status), scimType, detail);
    }
}
