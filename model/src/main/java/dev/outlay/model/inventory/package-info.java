/**
 * Canonical inventory and utilization types: what a resource is and how busy it was, independent of the source
 * (AWS Describe* and CloudWatch, the generic CSV/JSON import for Azure, GCP, Kubernetes, private infrastructure).
 * Savings findings read these next to the ledger; plain Java only.
 */
package dev.outlay.model.inventory;
