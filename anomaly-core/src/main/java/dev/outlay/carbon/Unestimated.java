package dev.outlay.carbon;

/** Why a usage line has no estimate; reported with its rows and cost. */
public enum Unestimated {
    /** The provider is not in the factor set (SaaS vendors, an unlisted cloud). */
    PROVIDER_NOT_COVERED,
    /** Instance hours whose instance type the factor set does not list. */
    INSTANCE_TYPE_UNKNOWN,
    /** Storage billed per GB-month whose medium (SSD or HDD) the usage does not tell. */
    STORAGE_MEDIUM_UNKNOWN,
    /**
     * Data transfer to the internet or a CDN edge: the method's networking coefficient is for traffic between the
     * provider's own data centres only.
     */
    TRANSFER_OUTSIDE_PROVIDER_NETWORK,
    /** A quantity without a unit, or a unit the method has no coefficient for (requests, IP-hours, ...). */
    UNCLASSIFIED
}
