package io.rebalancer.core.format;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.InputException;
import io.rebalancer.core.Model;
import io.rebalancer.core.PricePoint;
import io.rebalancer.core.PriceSeries;
import io.rebalancer.core.TargetWeight;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceFilesTest {
  private static final LocalDate RUN = LocalDate.of(2025, 11, 28);

  private static List<AccountInfo> accounts(String text) {
    return ReferenceFiles.accounts("accounts.csv", new StringReader(text));
  }

  private static List<Model> models(String text) {
    return ReferenceFiles.models("models.csv", new StringReader(text));
  }

  /** The series sorted by symbol (the reader does not promise an order). */
  private static List<PriceSeries> prices(String text) {
    List<PriceSeries> out = new ArrayList<>(
        ReferenceFiles.prices("prices.csv", new StringReader(text), RUN));
    out.sort(Comparator.comparing(PriceSeries::symbol));
    return out;
  }

  private static PricePoint close(String date, String close) {
    return new PricePoint(LocalDate.parse(date), new BigDecimal(close));
  }

  @Test
  void readsAccounts() {
    List<AccountInfo> a = accounts("brokerage_id,account_id,household_id,model_id,cash_reserve\n"
        + "B1,XXXX-1234,SMITH,balanced-60-40,1000.00\n"
        + "B2,XXXX-1234,SMITH,balanced-60-40,\n");

    assertThat(a, contains(
        new AccountInfo(new AccountKey("B1", "XXXX-1234"), "SMITH", "balanced-60-40",
            new BigDecimal("1000.00")),
        new AccountInfo(new AccountKey("B2", "XXXX-1234"), "SMITH", "balanced-60-40",
            BigDecimal.ZERO)));
  }

  @Test
  void cashReserveColumnIsOptional() {
    List<AccountInfo> a = accounts("brokerage_id,account_id,household_id,model_id\nB1,A1,H,M\n");

    assertThat(a.get(0).cashReserve(), is(BigDecimal.ZERO));
  }

  @Test
  void accountListedTwiceIsAnErrorNamingFileAndLine() {
    InputException e = assertThrows(InputException.class, () -> accounts(
        "brokerage_id,account_id,household_id,model_id\nB1,A1,H,M\nB2,A1,H,M\nB1,A1,H2,M\n"));

    assertThat(e.getMessage(), allOf(containsString("accounts.csv"), containsString("line 4"),
        containsString("B1/A1"), containsString("twice")));
  }

  @Test
  void badCashReserveNamesFileAndLine() {
    InputException e = assertThrows(InputException.class, () -> accounts(
        "brokerage_id,account_id,household_id,model_id,cash_reserve\nB1,A1,H,M,1O0\n"));

    assertThat(e.getMessage(), allOf(containsString("accounts.csv"), containsString("line 2"),
        containsString("cash_reserve"), containsString("'1O0'")));
  }

  @Test
  void negativeCashReserveIsAnError() {
    InputException e = assertThrows(InputException.class, () -> accounts(
        "brokerage_id,account_id,household_id,model_id,cash_reserve\nB1,A1,H,M,-5\n"));

    assertThat(e.getMessage(), allOf(containsString("line 2"), containsString("cash_reserve")));
  }

  @Test
  void accountsHeaderMissingAColumnIsAnError() {
    InputException e = assertThrows(InputException.class,
        () -> accounts("brokerage_id,account_id,model_id\nB1,A1,M\n"));

    assertThat(e.getMessage(), allOf(containsString("accounts.csv"),
        containsString("household_id")));
  }

  @Test
  void readsModelsSortedByIdAndSymbol() {
    List<Model> m = models("model_id,symbol,target_weight\n"
        + "growth,VTI,0.7\n"
        + "balanced,VTI,0.40\n"
        + "growth,CASH,0.3\n"
        + "balanced,BND,0.60\n");

    assertThat(m, contains(
        new Model("balanced", List.of(new TargetWeight("BND", new BigDecimal("0.60")),
            new TargetWeight("VTI", new BigDecimal("0.40")))),
        new Model("growth", List.of(new TargetWeight("CASH", new BigDecimal("0.3")),
            new TargetWeight("VTI", new BigDecimal("0.7"))))));
  }

  @Test
  void weightsNotSummingToOneNameTheModel() {
    InputException e = assertThrows(InputException.class, () -> models(
        "model_id,symbol,target_weight\nok,VTI,1\nlopsided,VTI,0.5\nlopsided,BND,0.4\n"));

    assertThat(e.getMessage(), allOf(containsString("models.csv"), containsString("lopsided"),
        containsString("0.9")));
  }

  @Test
  void weightsWithinOneBillionthOfOneAreAccepted() {
    List<Model> m = models("model_id,symbol,target_weight\nthirds,A,0.3333333333\n"
        + "thirds,B,0.3333333333\nthirds,C,0.3333333333\n");

    assertThat(m.get(0).targets().size(), is(3));
  }

  @Test
  void badWeightNamesFileAndLine() {
    InputException e = assertThrows(InputException.class, () -> models(
        "model_id,symbol,target_weight\nm,VTI,0.6\nm,BND,forty\n"));

    assertThat(e.getMessage(), allOf(containsString("models.csv"), containsString("line 3"),
        containsString("target_weight"), containsString("'forty'")));
  }

  @Test
  void symbolTwiceInAModelIsAnError() {
    InputException e = assertThrows(InputException.class, () -> models(
        "model_id,symbol,target_weight\nm,VTI,0.5\nm,VTI,0.5\n"));

    assertThat(e.getMessage(), allOf(containsString("line 3"), containsString("VTI")));
  }

  @Test
  void readsPrices() {
    List<PriceSeries> p = prices("date,symbol,close\n"
        + "2025-11-26,VTI,250.00\n"
        + "2025-11-26,BND,72.50\n"
        + "2025-11-27,VTI,251.30\n");

    assertThat(p, contains(
        new PriceSeries("BND", List.of(close("2025-11-26", "72.50"))),
        new PriceSeries("VTI", List.of(close("2025-11-26", "250.00"),
            close("2025-11-27", "251.30")))));
  }

  @Test
  void pricesAfterTheRunDateAreDropped() {
    List<PriceSeries> p = prices("date,symbol,close\n"
        + "2025-11-28,VTI,250.00\n"
        + "2025-11-29,VTI,260.00\n"
        + "2025-12-01,NEW,10.00\n");

    // the run date itself is history; NEW has no close yet
    assertThat(p, contains(new PriceSeries("VTI", List.of(close("2025-11-28", "250.00")))));
  }

  @Test
  void badCloseNamesFileAndLine() {
    InputException e = assertThrows(InputException.class, () -> prices("date,symbol,close\n"
        + "2025-11-26,VTI,250.00\n\n2025-11-27,VTI,abc\n2025-11-28,VTI,1\n"));

    assertThat(e.getMessage(), allOf(containsString("prices.csv"), containsString("line 4"),
        containsString("close"), containsString("'abc'")));
  }

  @Test
  void badDateNamesFileAndLine() {
    InputException e = assertThrows(InputException.class,
        () -> prices("date,symbol,close\n11/26/2025,VTI,250.00\n"));

    assertThat(e.getMessage(), allOf(containsString("prices.csv"), containsString("line 2"),
        containsString("11/26/2025")));
  }

  @Test
  void nonPositiveCloseIsAnError() {
    InputException e = assertThrows(InputException.class,
        () -> prices("date,symbol,close\n2025-11-26,VTI,0\n"));

    assertThat(e.getMessage(), allOf(containsString("line 2"), containsString("positive")));
  }

  @Test
  void twoClosesOnOneDateAreAnError() {
    InputException e = assertThrows(InputException.class, () -> prices(
        "date,symbol,close\n2025-11-26,VTI,250.00\n2025-11-26,VTI,251.00\n"));

    assertThat(e.getMessage(), allOf(containsString("line 3"), containsString("VTI")));
  }

  @Test
  void numbersTheWarehouseCannotStoreExactlyNameFileLineAndValue() {
    InputException close = assertThrows(InputException.class, () -> prices("date,symbol,close\n"
        + "2025-11-26,VTI,250.00\n2025-11-27,VTI,250.0000000000000000001\n"));
    assertThat(close.getMessage(), is("prices.csv: line 3: close 250.0000000000000000001 has 19"
        + " decimals; the warehouse stores 18"));
    InputException reserve = assertThrows(InputException.class, () -> accounts(
        "brokerage_id,account_id,household_id,model_id,cash_reserve\nB1,A1,H,M,1e16\n"));
    assertThat(reserve.getMessage(), is("accounts.csv: line 2: cash_reserve 10000000000000000"
        + " has 17 integer digits; at most 15 are accepted (the warehouse's sums must fit 20)"));
    InputException weight = assertThrows(InputException.class, () -> models(
        "model_id,symbol,target_weight\nm,VTI,0.5000000000000000001\n"
            + "m,BND,0.4999999999999999999\n"));
    assertThat(weight.getMessage(), containsString("models.csv: line 2: target_weight"
        + " 0.5000000000000000001 has 19 decimals"));
    assertThat(prices("date,symbol,close\n2025-11-26,VTI,0.123456789012345678\n").get(0)
        .points().get(0).close(), is(new BigDecimal("0.123456789012345678")));
  }
}
