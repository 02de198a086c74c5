package io.rebalancer.core;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One date of a value series with its statistics. Null where undefined: no daily return on the
 * first date, no rolling volatility before the 30th return.
 */
public record SeriesPoint(LocalDate date, BigDecimal value, Double dailyReturn,
    double cumulativeReturn, double drawdown, Double rollingVolatility) {}
