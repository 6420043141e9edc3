package dev.outlay.close;

/** A built package: the zip bytes, the integrity hash over its canonical manifest, and the manifest itself. */
public record ClosePackage(byte[] bytes, String packageHash, String zipSha256, String manifestJson) {
}
