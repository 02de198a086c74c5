package io.rebalancer.core;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The value of a fixed set of holdings at one date's closes. */
public record ValuePoint(LocalDate date, BigDecimal value) {}
