package io.rebalancer.core.format;

import static io.rebalancer.core.format.ExportLines.cell;

import io.rebalancer.core.Holding;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Schwab's "Positions" export, single-account or all-accounts, of any year.
 *
 * <p>Each row gets one verdict, decided in this order:
 * <ol>
 *   <li>blank (including padding lines of empty quoted cells): recognised;
 *   <li>title, "Positions for account LABEL as of ..." or "Positions for All-Accounts as of ...":
 *       recognised; it starts the account LABEL, or (all-accounts) no account until a label;
 *   <li>header, any row with a Symbol column and a Quantity column (names matched by meaning:
 *       "Qty", "Qty (Quantity)", "Mkt Val", "Price ($)", "Asset Type" ...): recognised; the columns
 *       hold until the next header, so a block after a label may reuse them;
 *   <li>total, a first cell such as "Account Total", "Total", "Grand Total": recognised footer;
 *       it ends the account's block, so rows after it belong to no account until a label;
 *   <li>account label, a line whose only cell is text (`"Roth IRA ...123"`): recognised; it starts
 *       that account's block;
 *   <li>before any header: a row that looks like data (two or more cells, one a number) is
 *       rejected, since its columns are unknown; anything else is recognised padding;
 *   <li>the cash pseudo-row, a symbol cell "Cash &amp; ..." / "Cash and ..." ("Cash &amp; Cash
 *       Investments", "Cash &amp; Money Market"): one cash holding, symbol CASH, whose amount is the
 *       Market Value (the Quantity when the layout has no market value column);
 *   <li>anything else is a position: a holding, or rejected with the reason.
 * </ol>
 *
 * <p>Account id: the account number that ends the label, digits only ("Individual ...977" and
 * "Brokerage XXXX-977" are both account 977), so that renaming an account at Schwab does not change
 * its id; a label without such a number is its own id, spaces collapsed. Rows outside any labelled
 * block take the source's `account:`. Two different labels with the same number in one file would
 * merge two accounts, so the holdings under the second are rejected instead.
 *
 * <p>As of: the title's "as of" words, a date (2023/06/04 or 06/04/2023) with or without a time
 * (07:28 PM ET), either first. A title that says "as of" in words that do not read as a date stops
 * the run; a title without "as of" states no date.
 *
 * <p>Stated totals: each "Account Total" row (since 2024 "Positions Total"), its Market Value, the
 * account's holdings and cash together; in a ragged row without that cell, its last value. A bare
 * "Total" or "Grand Total" row is not reported: older files repeat the account total in one, and
 * in an all-accounts file it sums the accounts. A total row outside any account is not reported;
 * one whose amount cannot be read is rejected.
 *
 * <p>Asset class: the Security Type / Asset Type cell as written ("ETFs &amp; Closed End Funds");
 * UNCLASSIFIED when the layout has no such column or the cell says "--". Money-market funds bought
 * as positions (SWVXX) stay positions; only the "Cash &amp; ..." row is the account's cash.
 *
 * <p>Tax lots: a position's Cost Basis cell is one lot of unknown open date for its quantity
 * ("--" or "N/A": none); a cell that is not a number rejects the row.
 */
public final class SchwabPositionsFormat implements ExportFormat {
  public static final String NAME = "schwab-positions";

  private static final Pattern TITLE =
      Pattern.compile("(?is)\\s*positions\\s+for\\s+(?:account\\s+)?(.*?)(?:\\s+as\\s+of\\b(.*))?");
  /** What follows "as of": "07:28 PM ET, 2023/06/04", "06/04/2023 07:28 PM ET", "2023/06/04". */
  private static final Pattern AS_OF = Pattern.compile("\\s*(?:(?<before>" + ExportDates.TIME + ")"
      + ExportDates.ZONE + "\\s*,?\\s*)?(?<date>\\d{1,4}/\\d{1,2}/\\d{1,4})(?:\\s*,?\\s*(?<after>"
      + ExportDates.TIME + ")" + ExportDates.ZONE + ")?\\s*");
  private static final List<DateTimeFormatter> DATES =
      List.of(ExportDates.pattern("uuuu/M/d"), ExportDates.pattern("M/d/uuuu"));
  private static final Pattern ACCOUNT_TOTAL =
      Pattern.compile("(?i)\\s*(?:account|positions)\\s+total\\s*");
  private static final Pattern ALL_ACCOUNTS = Pattern.compile("(?i)all[\\s-]*accounts?");
  /** A label ending in its (masked) account number: "...977", "XXXX-977", "#977", " 977". */
  private static final Pattern ACCOUNT_NUMBER =
      Pattern.compile("(?s).*(?:\\.\\.\\.|\u2026|[-Xx*#\\s])(\\d+)");
  private static final Pattern TOTAL =
      Pattern.compile("(?is)\\s*(?:(?:account\\s+)?totals?\\b.*|.*\\btotals?\\s*)");
  private static final Pattern CASH = Pattern.compile("(?is)\\s*cash\\s*(?:&|\\band\\b|\\s)\\s*\\S.*");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void read(SourceFile file, Iterable<ExportRow> rows, ParseSink sink) {
    Reader reader = new Reader(file, sink);
    rows.forEach(reader::accept);
  }

  /** The account id a label stands for: its trailing account number, else the label itself. */
  static String accountId(String label) {
    String text = label.trim().replaceAll("\\s+", " ");
    Matcher m = ACCOUNT_NUMBER.matcher(text);
    return m.matches() ? m.group(1) : text;
  }

  /** Where the columns are in one header row; null when the row is not a header. */
  private record Columns(int symbol, int quantity, int price, int marketValue, int assetClass,
      int costBasis) {
    static Columns of(ExportRow row) {
      HeaderColumns h = new HeaderColumns(row.cells());
      int symbol = h.find("Symbol", "Ticker", "Symbol/CUSIP");
      int quantity = h.find("Quantity", "Qty", "Qty (Quantity)", "Shares");
      if (symbol < 0 || quantity < 0) {
        return null;
      }
      return new Columns(symbol, quantity,
          h.find("Price", "Last Price", "Price ($)", "Last"),
          h.find("Market Value", "Mkt Val", "Mkt Val (Market Value)", "Market Value ($)", "Value"),
          h.find("Security Type", "Asset Type", "Type", "Asset Class", "Security Class"),
          h.find("Cost Basis", "Cost Basis ($)"));
    }
  }

  /** The reading state of one file: the current columns and account block. */
  private static final class Reader {
    private final SourceFile file;
    private final ParseSink sink;
    private final Map<String, String> labelByAccount = new HashMap<>();
    private Columns columns;
    private String account;
    private String accountProblem;
    private boolean dated;

    Reader(SourceFile file, ParseSink sink) {
      this.file = file;
      this.sink = sink;
    }

    void accept(ExportRow row) {
      String first = row.cell(0);
      Matcher title = TITLE.matcher(first);
      Columns header = row.isBlank() ? null : Columns.of(row);
      if (row.isBlank()) {
        sink.recognised(row, "blank");
      } else if (title.matches()) {
        startAccount(title.group(1));
        asOf(row, title.group(2));
        sink.recognised(row, "title");
      } else if (header != null) {
        columns = header;
        sink.recognised(row, "header");
      } else if (TOTAL.matcher(first).matches()) {
        total(row);
        if (ACCOUNT_TOTAL.matcher(first).matches()) {
          endAccount(); // a block without its label must not run on as the account above's
        }
      } else if (ExportLines.isLoneText(row) && !CASH.matcher(first).matches()) {
        startAccount(first);
        sink.recognised(row, "account label");
      } else if (columns == null) {
        beforeHeader(row);
      } else if (accountProblem != null) {
        sink.rejected(HoldingFields.reject(file, row, accountProblem));
      } else if (CASH.matcher(row.cell(columns.symbol())).matches()) {
        int amount = columns.marketValue() >= 0 ? columns.marketValue() : columns.quantity();
        HoldingFields.emitCash(file, row, account, Holding.CASH, row.cell(amount), sink);
      } else {
        // A bond's Price is per 100 of face value: rejected here rather than valued 100 times
        // too large (its account total would then fail to reconcile as well).
        String mismatch = columns.marketValue() < 0 ? null : ValueCheck.problem(
            row.cell(columns.quantity()), cell(row, columns.price()),
            row.cell(columns.marketValue()));
        if (mismatch != null) {
          sink.rejected(HoldingFields.reject(file, row, mismatch));
          return;
        }
        String assetClass = cell(row, columns.assetClass());
        HoldingFields.emit(file, row, new HoldingFields.Cells(account, row.cell(columns.symbol()),
            row.cell(columns.quantity()), cell(row, columns.price()),
            Numbers.isMissing(assetClass) ? ExportLines.UNCLASSIFIED : assetClass, null,
            cell(row, columns.costBasis())), sink);
      }
    }

    /** The title's date, if it says "as of"; only the first title's, as a file has one date. */
    private void asOf(ExportRow row, String words) {
      if (words == null || dated) {
        return;
      }
      Matcher m = AS_OF.matcher(words);
      if (!m.matches()) {
        throw ExportDates.unreadable(file, row, row.cell(0));
      }
      String time = m.group("before") != null ? m.group("before") : m.group("after");
      sink.asOf(ExportDates.asOf(file, row, row.cell(0), m.group("date"), time, DATES));
      dated = true;
    }

    /** A total row: recognised, and the account's stated total when it is one. */
    private void total(ExportRow row) {
      String owner = account != null ? account : accountProblem == null ? file.account() : null;
      String amountCell = ACCOUNT_TOTAL.matcher(row.cell(0)).matches() && columns != null
          && columns.marketValue() >= 0 && owner != null ? marketValue(row) : null;
      BigDecimal amount;
      try {
        amount = Numbers.parse(amountCell);
      } catch (NumberFormatException e) {
        sink.rejected(HoldingFields.reject(file, row, "cannot read the stated total: "
            + e.getMessage()));
        return;
      }
      if (amount != null) {
        sink.statedTotal(new StatedTotal(owner, row.cell(0).trim(), amount, true,
            row.lineNumber()));
      }
      sink.recognised(row, "total");
    }

    /**
     * The Market Value cell of a total row; in a ragged row that stops before it ("Account
     * Total","","$30532.22",), the row's last non-blank cell.
     */
    private String marketValue(ExportRow row) {
      int at = columns.marketValue();
      for (int i = row.cells().size() - 1; i > 0; i--) {
        if (!row.cell(i).isBlank()) {
          return i < at ? row.cell(i) : row.cell(at);
        }
      }
      return null;
    }

    private void beforeHeader(ExportRow row) {
      if (ExportLines.looksLikeData(row)) {
        sink.rejected(HoldingFields.reject(file, row,
            "data row before any header (no row with Symbol and Quantity columns above it)"));
      } else {
        sink.recognised(row, "padding");
      }
    }

    /**
     * The total ends its account's block: a block that follows without its own label (a label
     * line lost in an edit) must not pass as more holdings of the account above.
     */
    private void endAccount() {
      account = null;
      accountProblem = null;
    }

    private void startAccount(String label) {
      String text = label.trim().replaceAll("\\s+", " ");
      accountProblem = null;
      if (text.isEmpty() || ALL_ACCOUNTS.matcher(text).matches()) {
        account = null;
        return;
      }
      account = accountId(text);
      String earlier = labelByAccount.putIfAbsent(account, text);
      if (earlier != null && !earlier.equals(text)) {
        accountProblem = "account label '" + text + "' has the same account number " + account
            + " as '" + earlier + "' above; the two accounts cannot be told apart";
        account = null;
      }
    }
  }
}
