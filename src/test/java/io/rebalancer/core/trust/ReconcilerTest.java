package io.rebalancer.core.trust;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.rebalancer.core.Holding;
import io.rebalancer.core.format.StatedTotal;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
  private static final BigDecimal CENT = new BigDecimal("0.01");

  private static Holding holding(String account, String symbol, String qty, String price,
      boolean cash) {
    return new Holding("B1", account, symbol, new BigDecimal(qty), new BigDecimal(price),
        cash ? "CASH" : "EQUITY", cash, "B1", "/in/f.csv", 3);
  }

  private static Reconciler file() {
    Reconciler r = new Reconciler("B1", "B1", "/in/f.csv");
    r.add(holding("1234", "VTI", "120", "274.61", false)); // 32953.20
    r.add(holding("1234", "CASH", "1200.00", "1", true));
    r.add(holding("5678", "BND", "900", "74.12", false)); // 66708.00
    return r;
  }

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void aTotalWithCashComparesWithAllTheAccountsHoldingsAndOneWithoutWithItsPositions() {
    Reconciler r = file();
    r.stated(new StatedTotal("1234", "Account Total", d("34153.20"), true, 9));
    r.stated(new StatedTotal("1234", "Open Positions total (USD)", d("32953.20"), false, 10));
    r.stated(new StatedTotal("5678", "Account Total", d("66708.00"), true, 20));
    List<Reconciliation> out = r.compare(CENT);
    assertThat(out, hasSize(3));
    assertThat(out.get(0).parsed(), comparesEqualTo(d("34153.20")));
    assertThat(out.get(1).parsed(), comparesEqualTo(d("32953.20")));
    assertThat(out.get(2).parsed(), comparesEqualTo(d("66708.00")));
    out.forEach(c -> assertThat(c.withinTolerance(), is(true)));
    out.forEach(c -> assertThat(c.problem(CENT, false), is(nullValue())));
  }

  @Test
  void theToleranceIsInclusiveToTheCent() {
    Reconciler r = file();
    r.stated(new StatedTotal("5678", "Account Total", d("66708.01"), true, 20));
    r.stated(new StatedTotal("5678", "Account Total", d("66708.011"), true, 21));
    List<Reconciliation> out = r.compare(CENT);
    assertThat(out.get(0).withinTolerance(), is(true));
    assertThat(out.get(1).withinTolerance(), is(false));
    assertThat(out.get(1).difference(), comparesEqualTo(d("-0.011")));
  }

  @Test
  void anEditedPositionFailsNamingTheFileTheAccountAndBothAmounts() {
    Reconciler r = new Reconciler("B1", "B1", "/in/f.csv");
    r.add(holding("1234", "VTI", "121", "274.61", false)); // one share more than the total says
    r.stated(new StatedTotal("1234", "Account Total", d("32953.20"), true, 9));
    Reconciliation c = r.compare(CENT).get(0);
    InputProblem p = c.problem(CENT, false);
    assertThat(p.kind(), is(InputProblem.Kind.UNRECONCILED_TOTAL));
    assertThat(p.message(), allOf(containsString("/in/f.csv"), containsString("account 1234"),
        containsString("33227.81"), containsString("32953.20"), containsString("line 9"),
        containsString("Account Total"),
        containsString("validation.totalTolerance 0.01")));
  }

  @Test
  void aStatedTotalOfAnAccountWithNoHoldingsReadComparesWithZero() {
    Reconciler r = new Reconciler("B1", "B1", "/in/f.csv");
    r.stated(new StatedTotal("9999", "Account Total", d("100.00"), true, 4));
    Reconciliation c = r.compare(CENT).get(0);
    assertThat(c.parsed(), comparesEqualTo(BigDecimal.ZERO));
    assertThat(c.problem(CENT, true).message(), containsString("some of the file's rows were"
        + " rejected"));
  }
}
