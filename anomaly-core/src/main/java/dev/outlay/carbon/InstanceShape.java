package dev.outlay.carbon;

/** An instance type's vCPU count and processor microarchitecture (a key of the provider's architectures, or null). */
public record InstanceShape(int vcpus, String architecture) {
}
