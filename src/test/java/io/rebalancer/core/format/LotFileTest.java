package io.rebalancer.core.format;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.core.InputException;
import io.rebalancer.core.Lot;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LotFileTest {
  private static final String FILE = "/books/lots.csv";
  private static final LocalDate RUN = LocalDate.of(2026, 11, 20);
  private static final String HEADER =
      "brokerage_id,account_id,symbol,lot_id,open_date,quantity,cost_basis";

  private static List<Lot> read(String... lines) {
    return LotFile.lots(FILE, new StringReader(String.join("\n", lines) + "\n"), RUN);
  }

  /** The error line of a file of the header and this one line (line 2). */
  private static String error(String line) {
    return assertThrows(InputException.class, () -> read(HEADER, line)).getMessage();
  }

  @Test
  void readsLotsByColumnNameInAnyOrder() {
    List<Lot> lots = read("quantity,cost_basis,symbol,lot_id,open_date,account_id,brokerage_id",
        "250,18102.5,BND,L1,2026-06-02,U1,B5",
        "150,11077.5,BND,L2,,U1,B5",
        "10,0,VTI,gift,2026-11-20,U1,B5");
    assertThat(lots, contains(
        new Lot("B5", "U1", "BND", "L1", LocalDate.of(2026, 6, 2), new BigDecimal("250"),
            new BigDecimal("18102.5"), FILE, 2),
        new Lot("B5", "U1", "BND", "L2", null, new BigDecimal("150"), new BigDecimal("11077.5"),
            FILE, 3),
        new Lot("B5", "U1", "VTI", "gift", RUN, BigDecimal.TEN, BigDecimal.ZERO, FILE, 4)));
  }

  @Test
  void aHeaderWithoutAColumnNamesIt() {
    String e = assertThrows(InputException.class, () -> read(
        "brokerage_id,account_id,symbol,lot_id,quantity,cost_basis", "B5,U1,BND,L1,1,1"))
        .getMessage();
    assertThat(e, is(FILE + ": header has no open_date column (expected " + HEADER + ")"));
  }

  @Test
  void everyBadValueIsOneLineNamingFileLineColumnAndWhatToWrite() {
    assertThat(error(",U1,BND,L1,,1,1"), is(FILE + ": line 2: column brokerage_id: is empty:"
        + " write the account's brokerage, as in accounts.csv"));
    assertThat(error("B5,,BND,L1,,1,1"), is(FILE + ": line 2: column account_id: is empty:"
        + " write the account, as in accounts.csv"));
    assertThat(error("B5,U1,,L1,,1,1"), is(FILE + ": line 2: column symbol: is empty: write"
        + " the symbol the lot is of"));
    assertThat(error("B5,U1,BND,,,1,1"), is(FILE + ": line 2: column lot_id: is empty: write"
        + " an id unique among the account's lots of BND"));
    assertThat(error("B5,U1,BND,L1,06/02/2026,1,1"), is(FILE + ": line 2: column open_date:"
        + " '06/02/2026' is not a date: write the day the lot was bought as YYYY-MM-DD, or"
        + " nothing when it is unknown"));
    assertThat(error("B5,U1,BND,L1,2026-11-21,1,1"), is(FILE + ": line 2: column open_date:"
        + " 2026-11-21 is after the run date 2026-11-20: write the day the lot was bought, on or"
        + " before the run date"));
    assertThat(error("B5,U1,BND,L1,,,1"), is(FILE + ": line 2: column quantity: is empty:"
        + " write the lot's shares, a number above 0"));
    assertThat(error("B5,U1,BND,L1,,ten,1"), is(FILE + ": line 2: column quantity: 'ten' is"
        + " not a number: write the lot's shares, a number above 0"));
    assertThat(error("B5,U1,BND,L1,,0,1"), is(FILE + ": line 2: column quantity: 0 is not"
        + " above 0: write the lot's shares, a number above 0"));
    assertThat(error("B5,U1,BND,L1,,-5,1"), is(FILE + ": line 2: column quantity: -5 is not"
        + " above 0: write the lot's shares, a number above 0"));
    assertThat(error("B5,U1,BND,L1,,1,"), is(FILE + ": line 2: column cost_basis: is empty:"
        + " write the lot's total cost, a number of 0 or more (a lot of unknown cost is left"
        + " out: what lots leave of a holding is of unknown basis)"));
    assertThat(error("B5,U1,BND,L1,,1,$100"), is(FILE + ": line 2: column cost_basis: '$100'"
        + " is not a number: write the lot's total cost, a number of 0 or more (a lot of unknown"
        + " cost is left out: what lots leave of a holding is of unknown basis)"));
    assertThat(error("B5,U1,BND,L1,,1,-100"), is(FILE + ": line 2: column cost_basis: -100 is"
        + " negative: write the lot's total cost, a number of 0 or more"));
    assertThat(error("B5,U1,BND,L1,,0.0000000000000000001,1"), is(FILE + ": line 2: column"
        + " quantity: quantity 0.0000000000000000001 has 19 decimals; the warehouse stores 18"));
  }

  @Test
  void theErrorNamesTheLineOfTheBadValue() {
    String e = assertThrows(InputException.class, () -> read(HEADER, "B5,U1,BND,L1,,1,1", "",
        "B5,U1,BND,L2,,x,1")).getMessage();
    assertThat(e, is(FILE + ": line 4: column quantity: 'x' is not a number: write the lot's"
        + " shares, a number above 0"));
  }
}
