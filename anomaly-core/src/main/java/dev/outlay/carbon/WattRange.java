package dev.outlay.carbon;

import java.math.BigDecimal;

/** Watts per vCPU of a processor microarchitecture at idle ({@code min}) and at 100 % utilization ({@code max}). */
public record WattRange(BigDecimal min, BigDecimal max) {
}
