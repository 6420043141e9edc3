package dev.outlay.sso;

/** One problem of an SSO registration: the field it is in and what is wrong. */
public record SsoFault(String field, String message) {
}
