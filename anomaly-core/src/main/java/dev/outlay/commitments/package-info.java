/**
 * Commitment recommendations, plain Java: from a series of on-demand-equivalent (ODE) usage per hour, the spend
 * commitment per term and payment option that minimizes expected cost under a versioned {@link
 * dev.outlay.commitments.PriceTable}, with savings percentiles from a seeded block bootstrap, utilization and
 * coverage forecasts, guards against a recent spike or decline, and a rolling-origin {@link
 * dev.outlay.commitments.Backtest}. No framework, no I/O.
 */
package dev.outlay.commitments;
