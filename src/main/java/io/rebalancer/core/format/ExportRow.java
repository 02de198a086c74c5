package io.rebalancer.core.format;

import java.util.List;

/** One CSV record of an export, with the 1-based line it starts on and its text as in the file. */
public record ExportRow(long lineNumber, List<String> cells, String raw) {
  public String cell(int index) {
    return index >= 0 && index < cells.size() ? cells.get(index) : "";
  }

  /** A row whose cells are all empty (a blank line, or a line of bare commas). */
  public boolean isBlank() {
    return cells.stream().allMatch(c -> c.isBlank());
  }
}
