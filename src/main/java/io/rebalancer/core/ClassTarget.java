package io.rebalancer.core;

import java.math.BigDecimal;

/**
 * One line of a class model: the weight an asset class should have, and the symbol bought when it
 * is underweight.
 *
 * @param buySymbol null only for a class of weight 0 (it is only ever sold)
 */
public record ClassTarget(String assetClass, BigDecimal weight, String buySymbol) {}
