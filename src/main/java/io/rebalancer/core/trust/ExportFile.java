package io.rebalancer.core.trust;

import io.rebalancer.core.SourceTally;
import io.rebalancer.core.format.AsOf;

/**
 * One export file as read: the date it states (if any) and what became of its rows. A large file
 * read in parts gives one per part; they add up.
 *
 * @param asOf the date the export states, or null when it states none
 */
public record ExportFile(String sourceId, String brokerageId, String uri, AsOf asOf,
    SourceTally tally) {

  public ExportFile plus(ExportFile other) {
    return new ExportFile(sourceId, brokerageId, uri, asOf != null ? asOf : other.asOf,
        tally.plus(other.tally));
  }
}
