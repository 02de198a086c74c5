package io.rebalancer.core.format;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.rebalancer.core.Holding;
import io.rebalancer.core.RejectedRow;
import java.util.ArrayList;
import java.util.List;

/** Records every verdict a format gives, in order; {@link #read} checks one verdict per row. */
final class RecordingSink implements ParseSink {
  final List<Holding> holdings = new ArrayList<>();
  final List<String> recognised = new ArrayList<>();
  final List<RejectedRow> rejected = new ArrayList<>();
  int verdicts;

  /** Reads text as the file's export in the given layout. */
  static RecordingSink read(ExportFormat format, SourceFile file, String text) {
    List<ExportRow> rows = ExportRows.split(file.sourceId(), file.uri(), text);
    RecordingSink sink = new RecordingSink();
    format.read(file, rows, sink);
    assertThat("one verdict per row", sink.verdicts, is(rows.size()));
    return sink;
  }

  @Override
  public void holding(Holding holding, ExportRow row) {
    holdings.add(holding);
    verdicts++;
  }

  @Override
  public void recognised(ExportRow row, String what) {
    recognised.add(row.lineNumber() + ":" + what);
    verdicts++;
  }

  @Override
  public void rejected(RejectedRow row) {
    rejected.add(row);
    verdicts++;
  }
}
