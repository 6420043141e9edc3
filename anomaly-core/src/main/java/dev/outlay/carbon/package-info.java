/**
 * Carbon estimates, plain Java: ledger usage (quantity, unit, service, usage type, region) classified into compute,
 * storage, networking and memory usage and turned into kWh and kgCO2e with the Cloud Carbon Footprint method and a
 * versioned {@link dev.outlay.carbon.FactorSet}. Usage the method cannot classify is returned as unestimated, with
 * its cost, never as zero. No framework, no I/O: the caller reads the ledger and stores factor sets.
 */
package dev.outlay.carbon;
