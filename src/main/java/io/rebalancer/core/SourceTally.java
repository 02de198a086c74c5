package io.rebalancer.core;

/**
 * What became of a source's rows: every row read is a holding, a recognised non-holding row (title,
 * header, total, footer, blank) or a rejected row. Tallies add up, so partial tallies from parallel
 * workers combine into the source's total.
 */
public record SourceTally(String sourceId, long files, long rowsRead, long holdings, long recognised,
    long rejected) {

  public static SourceTally empty(String sourceId) {
    return new SourceTally(sourceId, 0, 0, 0, 0, 0);
  }

  public SourceTally plus(SourceTally other) {
    return new SourceTally(sourceId, files + other.files, rowsRead + other.rowsRead,
        holdings + other.holdings, recognised + other.recognised, rejected + other.rejected);
  }

  /** A holding turned down after parsing (say, no price anywhere) moves from holdings to rejected. */
  public static SourceTally lateRejection(String sourceId) {
    return new SourceTally(sourceId, 0, 0, -1, 0, 1);
  }

  public boolean balanced() {
    return rowsRead == holdings + recognised + rejected;
  }
}
