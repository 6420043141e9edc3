package dev.outlay.connectors.aws.inventory;

/**
 * A read failed for a reason other than credentials: retries exhausted on throttling or 5xx, the endpoint
 * unreachable, a response the SDK could not parse, a metric query AWS answered with InternalError. Nothing from the
 * read is returned.
 */
public class AwsInventoryReadException extends RuntimeException {

    private final String service;
    private final String accountId;
    private final String region;

    public AwsInventoryReadException(String service, String accountId, String region, String message, Throwable cause) {
        super("Reading " + service + " of account " + accountId + " in " + region + " failed: " + message, cause);
        this.service = service;
        this.accountId = accountId;
        this.region = region;
    }

    public String service() {
        return service;
    }

    public String accountId() {
        return accountId;
    }

    public String region() {
        return region;
    }
}
