package io.rebalancer.core.format;

import java.io.Serializable;
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
 */
public record FormatSpec(String name, int headerLine, String headerMarker, String account,
    String symbol, String quantity, String price, String marketValue, String assetClass,
    String currency, List<String> cashSymbols, String cashSymbolSuffix,
    List<String> cashAssetClasses, List<String> skipRows, List<String> endRows,
    String decimalSeparator, String thousandsSeparator) implements Serializable {

  public FormatSpec {
    cashSymbols = List.copyOf(cashSymbols);
    cashAssetClasses = List.copyOf(cashAssetClasses);
    skipRows = List.copyOf(skipRows);
    endRows = List.copyOf(endRows);
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
}
