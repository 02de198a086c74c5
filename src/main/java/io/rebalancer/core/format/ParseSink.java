package io.rebalancer.core.format;

import io.rebalancer.core.Holding;
import io.rebalancer.core.RejectedRow;

/** Where a format puts its verdict on each row: exactly one call per row read. */
public interface ParseSink {
  /** A holding read from the row (passed too, for a later rejection to quote). */
  void holding(Holding holding, ExportRow row);

  /** A row the format knows is not a holding: a title, header, total, footer or blank line. */
  void recognised(ExportRow row, String what);

  void rejected(RejectedRow row);
}
