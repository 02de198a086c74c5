package io.rebalancer.core;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How long a sold lot was held, as the tax on its gain knows it (SPEC "Tax lots"). */
public enum LotTerm {
  SHORT("short"),
  LONG("long"),
  /** No open date: neither term can be claimed. */
  UNKNOWN("unknown");

  /** A lot held more than this many days at the run date is long-term. */
  public static final long LONG_AFTER_DAYS = 365;

  private final String label;

  LotTerm(String label) {
    this.label = label;
  }

  /** The word the warehouse and the report use. */
  public String label() {
    return label;
  }

  /** long when held more than 365 days at the run date, short otherwise, unknown without a date. */
  public static LotTerm of(LocalDate openDate, LocalDate runDate) {
    if (openDate == null) {
      return UNKNOWN;
    }
    return ChronoUnit.DAYS.between(openDate, runDate) > LONG_AFTER_DAYS ? LONG : SHORT;
  }
}
