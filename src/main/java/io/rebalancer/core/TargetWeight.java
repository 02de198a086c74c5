package io.rebalancer.core;

import java.math.BigDecimal;

/** One line of a model: the weight a symbol should have in a household's total value. */
public record TargetWeight(String symbol, BigDecimal weight) {}
