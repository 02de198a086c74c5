package io.rebalancer.core.format;

/**
 * Shapes of export lines shared by the brokerage layouts: what a stray data row looks like, what a
 * line of free text (an account label, a disclaimer paragraph) looks like.
 */
final class ExportLines {
  /** The asset class of a position whose export says none (the layout has no such column). */
  static final String UNCLASSIFIED = "UNCLASSIFIED";

  private ExportLines() {}

  /** The cell at a column index, or null when the layout has no such column (index -1). */
  static String cell(ExportRow row, int index) {
    return index < 0 ? null : row.cell(index);
  }

  /**
   * A line whose only non-blank cell is the first and holds text (a letter, and not a number):
   * an account label, a title or a disclaimer paragraph, never a holding.
   */
  static boolean isLoneText(ExportRow row) {
    String first = row.cell(0);
    if (first.isBlank() || isNumber(first) || !first.chars().anyMatch(Character::isLetter)) {
      return false;
    }
    for (int i = 1; i < row.cells().size(); i++) {
      if (!row.cell(i).isBlank()) {
        return false;
      }
    }
    return true;
  }

  /**
   * What a holding row looks like where none is expected: two or more non-blank cells, one of them
   * a number ("961", "$117.42"). Title, padding and disclaimer lines have no numbers of their own.
   */
  static boolean looksLikeData(ExportRow row) {
    long filled = row.cells().stream().filter(c -> !c.isBlank()).count();
    return filled >= 2 && row.cells().stream().anyMatch(ExportLines::isNumber);
  }

  static boolean isNumber(String cell) {
    try {
      return Numbers.parse(cell) != null;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
