package io.rebalancer.core;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One daily close of one symbol. */
public record PricePoint(LocalDate date, BigDecimal close) {}
