package dev.outlay.carbon;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One provider's coefficients.
 *
 * @param pue                   power usage effectiveness of the provider's data centres
 * @param defaultUtilization    average vCPU utilization (0..1) where no measurement is given
 * @param unknownArchitecture   watts per vCPU when the instance's microarchitecture is not known
 * @param architectures         watts per vCPU by microarchitecture
 * @param ssdWhPerTbHour        watt-hours per terabyte-hour on SSD
 * @param hddWhPerTbHour        watt-hours per terabyte-hour on HDD
 * @param networkKwhPerGb       kWh per gigabyte moved between data centres
 * @param memoryKwhPerGbHour    kWh per gigabyte-hour of memory
 * @param lambdaGbPerVcpu       function memory that counts as one vCPU (null where the provider has no such rule)
 * @param gridGramsPerKwh       grid intensity by region id, gCO2e per kWh
 * @param unknownRegionGramsPerKwh grid intensity where the row names no region or one the set does not list
 * @param replication           copies kept by storage class (see {@link UsageClassifier} for the class names)
 * @param instanceTypes         vCPUs and microarchitecture by instance type (lower case)
 */
public record ProviderFactors(BigDecimal pue, BigDecimal defaultUtilization, WattRange unknownArchitecture,
                              Map<String, WattRange> architectures, BigDecimal ssdWhPerTbHour, BigDecimal hddWhPerTbHour,
                              BigDecimal networkKwhPerGb, BigDecimal memoryKwhPerGbHour, BigDecimal lambdaGbPerVcpu,
                              Map<String, BigDecimal> gridGramsPerKwh, BigDecimal unknownRegionGramsPerKwh,
                              Map<String, BigDecimal> replication, Map<String, InstanceShape> instanceTypes) {

    public ProviderFactors {
        architectures = architectures == null ? Map.of() : Map.copyOf(architectures);
        gridGramsPerKwh = gridGramsPerKwh == null ? Map.of() : Map.copyOf(gridGramsPerKwh);
        replication = replication == null ? Map.of() : Map.copyOf(replication);
        instanceTypes = instanceTypes == null ? Map.of() : Map.copyOf(instanceTypes);
    }

    /** Copies kept for a storage class; 1 when the set does not name the class. */
    BigDecimal copies(String storageClass) {
        BigDecimal v = storageClass == null ? null : replication.get(storageClass);
        return v != null ? v : replication.getOrDefault("default", BigDecimal.ONE);
    }
}
