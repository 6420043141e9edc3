package dev.outlay.connectors.aws.inventory;

/** ARNs the CUR carries as resource ids for resources whose Describe* answer only has a short id. */
final class AwsArns {

    private AwsArns() {
    }

    /** aws, aws-cn or aws-us-gov: the ARN partition a region belongs to. */
    static String partition(String region) {
        if (region.startsWith("cn-")) return "aws-cn";
        if (region.startsWith("us-gov-")) return "aws-us-gov";
        return "aws";
    }

    static String ec2(String region, String accountId, String type, String id) {
        return "arn:" + partition(region) + ":ec2:" + region + ":" + accountId + ":" + type + "/" + id;
    }
}
