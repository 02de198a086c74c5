package io.rebalancer.core.format;

import io.rebalancer.core.Holding;
import io.rebalancer.core.InputException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E*TRADE's `PortfolioDownload.csv`: an "Account Summary" block (a header starting with Account,
 * then one row per account, labelled like "Individual Brokerage -2203"), the "View Summary" title,
 * "Filters applied:" with its filter mini-table, then the positions table (`Symbol,Last Price $,
 * ...,Quantity,...,Value $`) ending in a CASH row, a TOTAL footer and "Generated at ...".
 *
 * <p>Account id: see {@link #accountId(String)}. A position belongs to the account named on its row
 * (an Account column), else to the account whose label line precedes its table, else to the one
 * account of the summary; with no summary, to the source's `account:`. When the summary lists
 * several accounts and nothing says which one a position belongs to, the position is rejected.
 *
 * <p>The CASH row is ragged (a trailing comma): its amount is read at the Value $ column's
 * position. A negative quantity is a short position. The file names no asset class: positions are
 * {@value HoldingFields#UNCLASSIFIED}.
 *
 * <p>As of: the "Generated at Aug 20 2026 11:42 AM ET" footer; one that cannot be read stops the
 * run. Stated totals, both of the whole account, cash included: each summary row's "Net Account
 * Value" (not the summary's Total row, which sums the accounts), and each positions table's TOTAL
 * row, whose value is ragged: its Value $ cell, else its last non-blank cell (44856.82 in
 * `TOTAL,,,,37760.00,-230.00,9127.40,25.54,44856.82,`). A TOTAL row whose account is not known
 * (several summary accounts and no label line) is not reported; one that cannot be read is
 * rejected.
 */
public final class EtradePortfolioFormat implements ExportFormat {
  public static final String NAME = "etrade-portfolio";

  private static final String[] ACCOUNT = {"account", "account name", "account number"};
  private static final String[] SYMBOL = {"symbol", "ticker"};
  private static final String[] QUANTITY = {"quantity", "qty", "shares"};
  private static final String[] PRICE = {"last price $", "last price", "price", "last"};
  private static final String[] VALUE = {"value $", "value", "market value", "current value"};
  /** "Individual Brokerage -2203": the id after the last dash. */
  private static final Pattern LABEL_ID = Pattern.compile("-\\s*([A-Za-z0-9]+)\\s*$");
  /** An account label line in the positions part: text, a space, a dash and digits, alone. */
  private static final Pattern LABEL_LINE = Pattern.compile(".*\\S\\s+-\\s*[0-9]+\\s*");

  private static final String NET_ACCOUNT_VALUE = "Net Account Value";
  /** What follows "Generated at": "Aug 20 2026 11:42 AM ET", "Aug 20, 2026 at 11:42:05 AM EDT". */
  private static final Pattern GENERATED = Pattern.compile("(?i)\\s*generated\\s+at\\s+"
      + "(?<date>[A-Za-z]{3,9}\\.?\\s+\\d{1,2},?\\s+\\d{4})(?:\\s*,?\\s*(?:at\\s+)?(?<time>"
      + ExportDates.TIME + ")" + ExportDates.ZONE + ")?\\s*");
  private static final List<DateTimeFormatter> DATES =
      List.of(ExportDates.pattern("MMM d uuuu"), ExportDates.pattern("MMMM d uuuu"));

  private enum Block { NONE, SUMMARY, FILTERS, POSITIONS, FOOTER }

  private record Columns(int account, int symbol, int quantity, int price, int value) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void read(SourceFile file, Iterable<ExportRow> rows, ParseSink sink) {
    Parse parse = new Parse(file, sink);
    rows.forEach(parse::row);
  }

  /**
   * The account id in an E*TRADE account label: the letters and digits after the label's last
   * dash ("Individual Brokerage -2203" is 2203, "Rollover IRA - 7781" is 7781); a label with no
   * such suffix is its own id (trimmed).
   */
  public static String accountId(String label) {
    String trimmed = label.trim();
    Matcher m = LABEL_ID.matcher(trimmed);
    return m.find() ? m.group(1) : trimmed;
  }

  /** The state of one file's reading: the block it is in and the accounts it has named so far. */
  private static final class Parse {
    private final SourceFile file;
    private final ParseSink sink;
    /** Summary account labels, in file order, with their ids. */
    private final Map<String, String> summary = new LinkedHashMap<>();
    private Block block = Block.NONE;
    private Columns col;
    /** The account of the label line that precedes the current positions table, if any. */
    private String labelled;
    /** The summary's Net Account Value column, once its header is read. */
    private int netValue = -1;
    private boolean dated;

    Parse(SourceFile file, ParseSink sink) {
      this.file = file;
      this.sink = sink;
    }

    void row(ExportRow row) {
      String first = row.cell(0).trim().toLowerCase(Locale.ROOT);
      HeaderColumns h = new HeaderColumns(row.cells());
      if (row.isBlank()) {
        sink.recognised(row, "blank");
      } else if (first.equals("account summary")) {
        block = Block.SUMMARY;
        sink.recognised(row, "account summary title");
      } else if (first.startsWith("view summary")) {
        block = Block.NONE;
        sink.recognised(row, "positions view title");
      } else if (first.startsWith("filters applied")) {
        block = Block.FILTERS;
        sink.recognised(row, "filters title");
      } else if (first.startsWith("generated at")) {
        block = Block.FOOTER;
        generatedAt(row);
        sink.recognised(row, "footer");
      } else if (HeaderColumns.normalize(first).equals("account")
          && h.find("net account value") >= 0) {
        block = Block.SUMMARY; // the summary's header, even without its title line
        netValue = h.find("net account value");
        sink.recognised(row, "account summary header");
      } else if (h.find(SYMBOL) >= 0 && h.find(QUANTITY) >= 0) {
        col = columns(row, h);
        block = Block.POSITIONS;
        sink.recognised(row, "positions header");
      } else if (block == Block.SUMMARY) {
        summaryRow(row, first);
      } else if (isLabelLine(row)) {
        labelled = accountId(row.cell(0));
        sink.recognised(row, "account label " + labelled);
      } else if (block == Block.FILTERS) {
        sink.recognised(row, h.find("sort by", "sort order") >= 0 ? "filters header" : "filter");
      } else if (block == Block.POSITIONS) {
        position(row);
      } else if (onlyFirstCell(row)) {
        sink.recognised(row, "text line");
      } else {
        sink.rejected(HoldingFields.reject(file, row,
            "row outside the account summary and positions tables"));
      }
    }

    private void summaryRow(ExportRow row, String first) {
      if (HeaderColumns.normalize(first).equals("account")) {
        netValue = new HeaderColumns(row.cells()).find("net account value");
        sink.recognised(row, "account summary header");
      } else if (first.startsWith("total")) {
        sink.recognised(row, "account summary total");
      } else if (first.isEmpty()) {
        sink.rejected(HoldingFields.reject(file, row, "account summary row without an account"));
      } else {
        String id = accountId(row.cell(0));
        summary.put(row.cell(0).trim(), id);
        if (netValue < 0 || stateTotal(row, id, NET_ACCOUNT_VALUE, row.cell(netValue))) {
          sink.recognised(row, "account summary " + id);
        }
      }
    }

    /**
     * Reports an account's stated total, true; false when its amount cannot be read, after
     * rejecting the row. A missing amount ("--") states no total.
     */
    private boolean stateTotal(ExportRow row, String account, String label, String amountCell) {
      BigDecimal amount;
      try {
        amount = Numbers.parse(amountCell);
      } catch (NumberFormatException e) {
        sink.rejected(HoldingFields.reject(file, row, "cannot read the stated total " + label
            + ": " + e.getMessage()));
        return false;
      }
      if (amount != null && account != null) {
        sink.statedTotal(new StatedTotal(account, label, amount, true, row.lineNumber()));
      }
      return true;
    }

    /** The TOTAL row's account: its table's label, else the one account the file names. */
    private String totalAccount() {
      if (labelled != null) {
        return labelled;
      }
      if (summary.size() > 1 || (col.account() >= 0 && summary.isEmpty())) {
        return null; // the table may hold several accounts' positions
      }
      return summary.isEmpty() ? file.account() : summary.values().iterator().next();
    }

    /** The TOTAL row's value: Value $, else (the row is ragged) its last non-blank cell. */
    private String totalValue(ExportRow row) {
      if (!row.cell(col.value()).isBlank()) {
        return row.cell(col.value());
      }
      for (int i = row.cells().size() - 1; i > col.symbol(); i--) {
        if (!row.cell(i).isBlank()) {
          return row.cell(i);
        }
      }
      return null;
    }

    private void generatedAt(ExportRow row) {
      if (dated) {
        return;
      }
      // Unquoted, "Aug 20, 2026" is two cells.
      String text = String.join(",", row.cells()).replaceAll(",+\\s*$", "");
      Matcher m = GENERATED.matcher(text);
      if (!m.matches()) {
        throw ExportDates.unreadable(file, row, text);
      }
      String date = m.group("date").replace(",", "").replace(".", "").replaceAll("\\s+", " ");
      sink.asOf(ExportDates.asOf(file, row, text, date, m.group("time"), DATES));
      dated = true;
    }

    private void position(ExportRow row) {
      String symbol = row.cell(col.symbol()).trim();
      if (symbol.equalsIgnoreCase("TOTAL")) {
        block = Block.FOOTER;
        if (stateTotal(row, totalAccount(), "TOTAL", totalValue(row))) {
          sink.recognised(row, "total");
        }
        return;
      }
      String account;
      if (col.account() >= 0) {
        String label = row.cell(col.account());
        account = label.isBlank() ? null : accountId(label);
      } else if (labelled != null) {
        account = labelled;
      } else if (summary.size() > 1) {
        sink.rejected(HoldingFields.reject(file, row, "the account summary lists several "
            + "accounts (" + String.join(", ", summary.values())
            + ") and no account label precedes this position"));
        return;
      } else {
        account = summary.isEmpty() ? null : summary.values().iterator().next();
      }
      String quantity = row.cell(col.quantity());
      String price = row.cell(col.price());
      String mismatch = ValueCheck.problem(quantity, price, row.cell(col.value()));
      if (symbol.equalsIgnoreCase(Holding.CASH)) {
        HoldingFields.emitCash(file, row, account, Holding.CASH, row.cell(col.value()), sink);
      } else if (mismatch != null) {
        sink.rejected(HoldingFields.reject(file, row, mismatch));
      } else {
        HoldingFields.emit(file, row, new HoldingFields.Cells(account, symbol, quantity, price,
            HoldingFields.UNCLASSIFIED, null), sink);
      }
    }

    /** A line naming a summary account (or shaped like a label), its other cells all empty. */
    private boolean isLabelLine(ExportRow row) {
      String text = row.cell(0).trim();
      return onlyFirstCell(row)
          && (summary.containsKey(text) || LABEL_LINE.matcher(text).matches());
    }

    private Columns columns(ExportRow header, HeaderColumns h) {
      Columns c = new Columns(h.find(ACCOUNT), h.find(SYMBOL), h.find(QUANTITY), h.find(PRICE),
          h.find(VALUE));
      String missing = c.price() < 0 ? "Last Price $" : c.value() < 0 ? "Value $" : null;
      if (missing != null) {
        throw new InputException(String.format("source %s: %s: line %d: positions header has no %s "
            + "column", file.sourceId(), file.uri(), header.lineNumber(), missing));
      }
      if (c.account() < 0 && summary.isEmpty() && labelled == null && file.account() == null) {
        throw new InputException(String.format("source %s: %s: line %d: the file names no account "
            + "(no Account Summary) and the source sets no account",
            file.sourceId(), file.uri(), header.lineNumber()));
      }
      return c;
    }
  }

  private static boolean onlyFirstCell(ExportRow row) {
    return row.cells().stream().skip(1).allMatch(String::isBlank);
  }
}
