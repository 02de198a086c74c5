package io.rebalancer.core;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the run's sells realised, as the run summary adds it up: the estimated gains taxed now
 * (taxable accounts only, known basis only) by term, the taxable lots at risk of a wash sale, and
 * the lots of known basis sold in any account (none: the summary says nothing of gains).
 */
public record RealizedGainTotals(BigDecimal shortTermGain, BigDecimal longTermGain,
    BigDecimal unknownTermGain, long washSaleLots, long knownBasisLots)
    implements java.io.Serializable {

  public static final RealizedGainTotals NONE =
      new RealizedGainTotals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);

  public static RealizedGainTotals of(List<RealizedGain> gains) {
    if (gains.isEmpty()) {
      return NONE; // most households sell nothing: no sums to make
    }
    BigDecimal shortTerm = BigDecimal.ZERO;
    BigDecimal longTerm = BigDecimal.ZERO;
    BigDecimal unknownTerm = BigDecimal.ZERO;
    long wash = 0;
    long known = 0;
    for (RealizedGain g : gains) {
      if (g.costBasis() != null) {
        known++;
      }
      if (!g.taxable()) {
        continue; // a sale in a tax-deferred or tax-exempt account is not taxed now
      }
      if (g.washSaleRisk()) {
        wash++;
      }
      if (g.gain() == null) {
        continue;
      }
      switch (g.term()) {
        case SHORT -> shortTerm = shortTerm.add(g.gain());
        case LONG -> longTerm = longTerm.add(g.gain());
        case UNKNOWN -> unknownTerm = unknownTerm.add(g.gain());
      }
    }
    return new RealizedGainTotals(shortTerm, longTerm, unknownTerm, wash, known);
  }

  public RealizedGainTotals plus(RealizedGainTotals o) {
    return new RealizedGainTotals(shortTermGain.add(o.shortTermGain),
        longTermGain.add(o.longTermGain), unknownTermGain.add(o.unknownTermGain),
        washSaleLots + o.washSaleLots, knownBasisLots + o.knownBasisLots);
  }

  /** Whether some sell took a lot of known basis: only then do the summary and report show them. */
  public boolean shown() {
    return knownBasisLots > 0;
  }
}
