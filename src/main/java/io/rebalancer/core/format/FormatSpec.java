package io.rebalancer.core.format;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A brokerage layout described in configuration (`formats:`), so that a new brokerage is onboarded
 * without code. Column names are matched by meaning (case, spaces and punctuation ignored).
 *
 * @param headerLine the 1-based line of the header row, or 0 to find it by {@code headerMarker}
 * @param headerMarker the text of the first cell of the header row (when headerLine is 0)
 * @param account column of the account id, or null: the source's `account:`
 * @param price column of the price, or null: priced from the price history
 * @param marketValue column of the market value, or null; the amount of a cash row
 * @param assetClass column of the asset class, or null: UNCLASSIFIED
 * @param currency column of the currency, or null: USD
 * @param cashSymbols symbols whose rows are cash (case-insensitive)
 * @param cashSymbolSuffix a symbol ending in this is cash (e.g. "**"), or null
 * @param cashAssetClasses asset classes whose rows are cash (case-insensitive)
 * @param skipRows first-cell prefixes of rows that are not holdings (subtotals, notes)
 * @param endRows first-cell prefixes of the row that ends the table (totals, footers)
 * @param decimalSeparator "." or ","
 * @param thousandsSeparator "," "." " " "'" or "" for none
 * @param asOf the line that states the export's date, or null: the layout states none
 * @param totalRow the row that states an account's total, or null: the layout states none
 * @param costBasis column of a position's total cost, one tax lot of unknown open date, or null:
 *     the layout states no lots
 */
public record FormatSpec(String name, int headerLine, String headerMarker, String account,
    String symbol, String quantity, String price, String marketValue, String assetClass,
    String currency, List<String> cashSymbols, String cashSymbolSuffix,
    List<String> cashAssetClasses, List<String> skipRows, List<String> endRows,
    String decimalSeparator, String thousandsSeparator, DateLine asOf, TotalRow totalRow,
    String costBasis) implements Serializable {

  public FormatSpec {
    cashSymbols = List.copyOf(cashSymbols);
    cashAssetClasses = List.copyOf(cashAssetClasses);
    skipRows = List.copyOf(skipRows);
    endRows = List.copyOf(endRows);
  }

  /** A layout that states no tax lots. */
  public FormatSpec(String name, int headerLine, String headerMarker, String account,
      String symbol, String quantity, String price, String marketValue, String assetClass,
      String currency, List<String> cashSymbols, String cashSymbolSuffix,
      List<String> cashAssetClasses, List<String> skipRows, List<String> endRows,
      String decimalSeparator, String thousandsSeparator, DateLine asOf, TotalRow totalRow) {
    this(name, headerLine, headerMarker, account, symbol, quantity, price, marketValue,
        assetClass, currency, cashSymbols, cashSymbolSuffix, cashAssetClasses, skipRows, endRows,
        decimalSeparator, thousandsSeparator, asOf, totalRow, null);
  }

  /** A layout that states neither a date nor totals. */
  public FormatSpec(String name, int headerLine, String headerMarker, String account,
      String symbol, String quantity, String price, String marketValue, String assetClass,
      String currency, List<String> cashSymbols, String cashSymbolSuffix,
      List<String> cashAssetClasses, List<String> skipRows, List<String> endRows,
      String decimalSeparator, String thousandsSeparator) {
    this(name, headerLine, headerMarker, account, symbol, quantity, price, marketValue,
        assetClass, currency, cashSymbols, cashSymbolSuffix, cashAssetClasses, skipRows, endRows,
        decimalSeparator, thousandsSeparator, null, null, null);
  }

  /**
   * Why a cell is not a number as this layout writes it, or null: a comma in a layout whose
   * decimal separator is "." and whose thousands separator is not "," ("3.250,75" under "'") would
   * otherwise be dropped as a thousands comma, and the value read 1000 times too small.
   */
  public String separatorProblem(String cell) {
    if (cell == null || !".".equals(decimalSeparator) || ",".equals(thousandsSeparator)
        || !cell.contains(",")) {
      return null;
    }
    return "'" + cell.trim() + "' has a ',', which this layout does not write (decimal separator"
        + " '.', thousands separator " + (thousandsSeparator.isEmpty() ? "none"
            : "'" + thousandsSeparator + "'") + "): check numbers: in its format";
  }

  /** A number as this layout writes it, in the form {@link Numbers} reads ("1.234,56" -> "1234.56"). */
  public String normalizeNumber(String cell) {
    if (cell == null) {
      return null;
    }
    String s = cell.trim();
    if (!thousandsSeparator.isEmpty()) {
      s = s.replace(thousandsSeparator, "");
    }
    return ",".equals(decimalSeparator) ? s.replace(',', '.') : s;
  }

  /**
   * Where the export states its date: the line containing {@code marker} (case ignored), the
   * date being the first text after the marker that {@code pattern} reads. A time in the pattern
   * (HH:mm) is kept as the as-of time.
   *
   * @throws IllegalArgumentException when the marker is blank or the pattern is not a
   *     DateTimeFormatter pattern that reads a whole date
   */
  public record DateLine(String marker, String pattern) implements Serializable {
    public DateLine {
      if (marker == null || marker.isBlank()) {
        throw new IllegalArgumentException("the marker is required");
      }
      LocalDateTime sample = LocalDateTime.of(2026, 11, 20, 19, 28, 5);
      try {
        DateTimeFormatter f = ExportDates.pattern(pattern);
        if (!LocalDate.from(f.parse(f.format(sample))).equals(sample.toLocalDate())) {
          throw new IllegalArgumentException();
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("'" + pattern + "' is not a date pattern that reads"
            + " day, month and year (java.time DateTimeFormatter letters, e.g. dd.MM.yyyy)", e);
      }
    }

    DateTimeFormatter formatter() {
      return ExportDates.pattern(pattern);
    }
  }

  /**
   * The row that states an account's total: first cell starting with {@code marker} (case
   * ignored, as endRows), the amount in the column named {@code column}.
   *
   * @param includesCash whether the total covers the account's cash rows too
   */
  public record TotalRow(String marker, String column, boolean includesCash)
      implements Serializable {}
}
