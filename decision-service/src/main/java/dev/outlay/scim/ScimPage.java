package dev.outlay.scim;

import java.util.List;

/** One page of a list (RFC 7644 §3.4.2.4): 1-based start index, the total across pages. */
record ScimPage<T>(List<T> items, int totalResults, int startIndex) {
}
