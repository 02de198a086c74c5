package io.rebalancer.core.format;

import java.util.List;

/** A brokerage export layout: turns the rows of one file into holdings, known lines and rejects. */
public interface ExportFormat {
  String name();

  /**
   * @param rows the file's rows; a layout may iterate them more than once (each pass reads the
   *     file again), but never holds them all
   */
  void read(SourceFile file, Iterable<ExportRow> rows, ParseSink sink);
}
