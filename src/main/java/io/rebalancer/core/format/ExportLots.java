package io.rebalancer.core.format;

import io.rebalancer.core.Holding;
import io.rebalancer.core.Lot;
import io.rebalancer.core.StoredNumbers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tax lots as exports state them: a lot's id is the file's name and the line that states it
 * ("U1234567_20261120.csv:11"), so that a sold lot points back at its line; a layout's cost-basis
 * column is one lot of unknown open date for the row's quantity.
 */
public final class ExportLots {
  /** "2025-03-14", "2025-03-14, 10:22:01", "2025-03-14 10:22:01", "20250314". */
  private static final Pattern OPEN_DATE = Pattern.compile(
      "\\s*(?:(\\d{4}-\\d{2}-\\d{2})|(\\d{4})(\\d{2})(\\d{2}))(?:\\s*,?\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*");
  static final String OPEN_DATE_FORMS =
      "2025-03-14, \"2025-03-14, 10:22:01\", 2025-03-14 10:22:01 or 20250314";

  private ExportLots() {}

  /** The id of the lot a row states: "<file name>:<line>". */
  public static String lotId(SourceFile file, long line) {
    String uri = file.uri();
    int slash = Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('\\'));
    return uri.substring(slash + 1) + ":" + line;
  }

  /**
   * The row's cost-basis cell as a lot of the holding: null when the cell is missing ("--",
   * "N/A", empty), or the holding is cash or not long (a short's buy-back takes no lots).
   *
   * @throws NumberFormatException with the reason the row is rejected: the cell is not a number,
   *     is negative or is not storable
   */
  static Lot ofCostBasis(SourceFile file, ExportRow row, Holding holding, String costBasisCell) {
    if (costBasisCell == null || holding.cash() || holding.quantity().signum() <= 0) {
      return null;
    }
    BigDecimal basis = costBasis(costBasisCell);
    return basis == null ? null : new Lot(holding.brokerageId(), holding.accountId(),
        holding.symbol(), lotId(file, row.lineNumber()), null, holding.quantity(), basis,
        file.uri(), row.lineNumber());
  }

  /**
   * An IBKR Lot row as a lot of its Summary's holding: null when it is no lot (a short's lots,
   * whose buy-back takes none; no Cost Basis).
   *
   * @param openDateCell null when the section has no open date column (the date is unknown)
   * @throws NumberFormatException with the reason the row is rejected
   */
  static Lot ofLotRow(SourceFile file, ExportRow row, Holding summary, String quantityCell,
      String costBasisCell, String openDateCell) {
    BigDecimal quantity;
    try {
      quantity = Numbers.parse(quantityCell);
    } catch (NumberFormatException e) {
      throw new NumberFormatException("quantity " + e.getMessage());
    }
    if (quantity == null) {
      throw new NumberFormatException("missing quantity");
    }
    if (quantity.signum() <= 0) {
      return null;
    }
    String unstorable = StoredNumbers.problem("quantity", quantity);
    if (unstorable != null) {
      throw new NumberFormatException(unstorable);
    }
    BigDecimal basis = costBasisCell == null ? null : costBasis(costBasisCell);
    LocalDate open = openDateCell == null ? null : openDate("open date", openDateCell);
    return basis == null ? null : new Lot(file.brokerageId(), summary.accountId(),
        summary.symbol(), lotId(file, row.lineNumber()), open, quantity, basis, file.uri(),
        row.lineNumber());
  }

  /**
   * A cost basis cell: a number of 0 or more, or null when missing.
   *
   * @throws NumberFormatException with the reason, naming the cell
   */
  static BigDecimal costBasis(String cell) {
    BigDecimal basis;
    try {
      basis = Numbers.parse(cell);
    } catch (NumberFormatException e) {
      throw new NumberFormatException("cost basis " + e.getMessage());
    }
    if (basis != null && basis.signum() < 0) {
      throw new NumberFormatException("negative cost basis " + cell.trim()
          + " of a long position");
    }
    String unstorable = basis == null ? null : StoredNumbers.problem("cost basis", basis);
    if (unstorable != null) {
      throw new NumberFormatException(unstorable);
    }
    return basis;
  }

  /**
   * A lot's open date as IBKR writes it; null when missing ("", "-", "--").
   *
   * @throws NumberFormatException when the cell holds something else, naming the forms read
   */
  static LocalDate openDate(String column, String cell) {
    if (Numbers.isMissing(cell)) {
      return null;
    }
    Matcher m = OPEN_DATE.matcher(cell);
    try {
      if (m.matches()) {
        return m.group(1) != null ? LocalDate.parse(m.group(1)) : LocalDate.of(
            Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
            Integer.parseInt(m.group(4)));
      }
    } catch (DateTimeException e) {
      // a date that does not exist (2025-02-30) reads as no date at all
    }
    throw new NumberFormatException(column + " '" + cell.trim() + "' is not an open date ("
        + OPEN_DATE_FORMS + ")");
  }
}
