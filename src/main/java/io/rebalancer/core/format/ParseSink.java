package io.rebalancer.core.format;

import io.rebalancer.core.Holding;
import io.rebalancer.core.Lot;
import io.rebalancer.core.RejectedRow;

/** Where a format puts its verdict on each row: exactly one call per row read. */
public interface ParseSink {
  /** A holding read from the row (passed too, for a later rejection to quote). */
  void holding(Holding holding, ExportRow row);

  /** A row the format knows is not a holding: a title, header, total, footer or blank line. */
  void recognised(ExportRow row, String what);

  void rejected(RejectedRow row);

  /**
   * The date the export says it was taken, at most once per file; a layout whose file states none
   * never calls it. Not a verdict: the row that states it also gets one.
   */
  default void asOf(AsOf asOf) {}

  /**
   * A tax lot the export states, of the holding last passed to {@link #holding}: a layout's
   * cost-basis column (right after its row's holding) or an IBKR Lot row (after its Summary's
   * holding). Not a verdict: its row gets one too. A sink that rejects that holding after all
   * (no price anywhere) drops its lots with it.
   */
  default void lot(Lot lot) {}

  /** A total the export states for one account, to reconcile with its holdings. Not a verdict. */
  default void statedTotal(StatedTotal total) {}
}
