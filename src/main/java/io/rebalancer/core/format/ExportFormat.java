package io.rebalancer.core.format;

import java.util.List;

/** A brokerage export layout: turns the rows of one file into holdings, known lines and rejects. */
public interface ExportFormat {
  String name();

  void read(SourceFile file, List<ExportRow> rows, ParseSink sink);
}
