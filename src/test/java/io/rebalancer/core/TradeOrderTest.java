package io.rebalancer.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeOrderTest {
  private static final LocalDate RUN = LocalDate.of(2025, 11, 28);

  private static TradeOrder order(String household, String brokerage, String account,
      String symbol, Side side) {
    return new TradeOrder(household, brokerage, account, symbol, side, new BigDecimal("10"),
        new BigDecimal("250.00"), new BigDecimal("0.45"), new BigDecimal("0.40"), "drift");
  }

  private static final TradeOrder ORDER = order("H1", "B1", "A1", "VTI", Side.SELL);

  @Test
  void orderIdIsTheRunDateAndSixteenHexDigits() {
    assertThat(ORDER.orderId(RUN), matchesPattern("20251128-[0-9a-f]{16}"));
  }

  @Test
  void orderIdIsDeterministic() {
    TradeOrder same = order("H1", "B1", "A1", "VTI", Side.SELL);

    assertThat(same.orderId(RUN), equalTo(ORDER.orderId(RUN)));
    assertThat(ORDER.orderId(RUN), equalTo(ORDER.orderId(RUN)));
  }

  @Test
  void orderIdNamesWhatTheOrderIsNotItsSize() {
    TradeOrder resized = new TradeOrder("H1", "B1", "A1", "VTI", Side.SELL, new BigDecimal("3"),
        new BigDecimal("251.00"), new BigDecimal("0.5"), new BigDecimal("0.4"), "other reason");

    assertThat(resized.orderId(RUN), equalTo(ORDER.orderId(RUN)));
  }

  @Test
  void orderIdDiffersBySide() {
    assertThat(order("H1", "B1", "A1", "VTI", Side.BUY).orderId(RUN),
        not(equalTo(ORDER.orderId(RUN))));
  }

  @Test
  void orderIdDiffersByAccount() {
    assertThat(order("H1", "B1", "A2", "VTI", Side.SELL).orderId(RUN),
        not(equalTo(ORDER.orderId(RUN))));
    // the same account number at another brokerage is another account
    assertThat(order("H1", "B2", "A1", "VTI", Side.SELL).orderId(RUN),
        not(equalTo(ORDER.orderId(RUN))));
  }

  @Test
  void orderIdDiffersBySymbolAndRunDate() {
    assertThat(order("H1", "B1", "A1", "BND", Side.SELL).orderId(RUN),
        not(equalTo(ORDER.orderId(RUN))));
    assertThat(ORDER.orderId(RUN.plusDays(1)), matchesPattern("20251129-[0-9a-f]{16}"));
    assertThat(ORDER.orderId(RUN.plusDays(1)).substring(9),
        not(equalTo(ORDER.orderId(RUN).substring(9))));
  }

  @Test
  void orderIdDoesNotConfuseFieldBoundaries() {
    // "B1" + "1A" and "B11" + "A" would collide if the fields were simply concatenated
    assertThat(order("H1", "B1", "1A", "VTI", Side.SELL).orderId(RUN),
        not(equalTo(order("H1", "B11", "A", "VTI", Side.SELL).orderId(RUN))));
  }

  @Test
  void estimatedAmountIsRoundedHalfEvenToCents() {
    assertThat(withQuantityAndPrice("3", "33.335").estimatedAmount(),
        is(new BigDecimal("100.00"))); // 100.005 -> even
    assertThat(withQuantityAndPrice("3", "33.345").estimatedAmount(),
        is(new BigDecimal("100.04"))); // 100.035 -> even
    assertThat(withQuantityAndPrice("7", "117.42").estimatedAmount(),
        is(new BigDecimal("821.94")));
  }

  @Test
  void fileOrderIsHouseholdBrokerageAccountSellFirstSymbol() {
    TradeOrder h2 = order("H2", "A0", "A0", "AAA", Side.SELL);
    TradeOrder b2 = order("H1", "B2", "A0", "AAA", Side.SELL);
    TradeOrder a2Sell = order("H1", "B1", "A2", "ZZZ", Side.SELL);
    TradeOrder a2BuyA = order("H1", "B1", "A2", "AAA", Side.BUY);
    TradeOrder a2BuyB = order("H1", "B1", "A2", "BBB", Side.BUY);
    List<TradeOrder> orders = new ArrayList<>(List.of(h2, a2BuyB, b2, a2BuyA, a2Sell));

    orders.sort(TradeOrder.FILE_ORDER);

    assertThat(orders, is(List.of(a2Sell, a2BuyA, a2BuyB, b2, h2)));
  }

  private static TradeOrder withQuantityAndPrice(String quantity, String price) {
    return new TradeOrder("H1", "B1", "A1", "VTI", Side.BUY, new BigDecimal(quantity),
        new BigDecimal(price), BigDecimal.ZERO, BigDecimal.ZERO, "drift");
  }
}
