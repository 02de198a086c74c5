package io.rebalancer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The lines of a random book's lots.csv: for most holdings one to three lots, whose open dates
 * fall either side of the long-term line (365 and 366 days before the run date among them) and
 * of the wash-sale window (30 and 31 days), whose costs per share lie either side of the price
 * (ties of cost per share now and then), and which cover all of the holding or leave a
 * remainder of unknown basis.
 */
final class TaxLotLines {
  private static final int[] EDGE_DAYS = {0, 1, 29, 30, 31, 364, 365, 366, 367};

  private final Random random;
  private final LocalDate runDate;
  private final Map<String, BigDecimal> latest;
  private final double schdPrice;

  TaxLotLines(long seed, LocalDate runDate, Map<String, BigDecimal> latest, double schdPrice) {
    this.random = new Random(seed);
    this.runDate = runDate;
    this.latest = latest;
    this.schdPrice = schdPrice;
  }

  /** @param held quantity by "brokerage,account,symbol" */
  List<String> of(Map<String, BigDecimal> held) {
    List<String> lines = new ArrayList<>();
    held.forEach((key, quantity) -> {
      if (quantity.signum() <= 0 || random.nextInt(6) == 0) {
        return; // no lot known: all of it is of unknown basis
      }
      String symbol = key.substring(key.lastIndexOf(',') + 1);
      BigDecimal price = symbol.equals("SCHD") ? BigDecimal.valueOf(schdPrice)
          : latest.get(symbol);
      int count = 1 + random.nextInt(3);
      boolean whole = random.nextBoolean();
      BigDecimal left = whole ? quantity : quantity.multiply(BigDecimal.valueOf(
          50 + random.nextInt(45))).divide(BigDecimal.valueOf(100), 3, RoundingMode.DOWN);
      BigDecimal tiedCost = null;
      for (int i = 1; i <= count && left.signum() > 0; i++) {
        BigDecimal lotQuantity = i == count ? left
            : left.multiply(BigDecimal.valueOf(20 + random.nextInt(60)))
                .divide(BigDecimal.valueOf(100), 3, RoundingMode.DOWN);
        if (lotQuantity.signum() <= 0) {
          continue;
        }
        left = left.subtract(lotQuantity);
        BigDecimal perShare = tiedCost != null && random.nextInt(4) == 0 ? tiedCost
            : price.multiply(BigDecimal.valueOf(0.7 + random.nextDouble() * 0.6))
                .setScale(2, RoundingMode.HALF_EVEN);
        tiedCost = perShare;
        LocalDate opened = random.nextInt(3) == 0
            ? runDate.minusDays(EDGE_DAYS[random.nextInt(EDGE_DAYS.length)])
            : runDate.minusDays(random.nextInt(1500));
        String date = random.nextInt(12) == 0 ? "" : opened.toString();
        lines.add(key + ",LOT-" + i + "," + date + "," + lotQuantity.toPlainString() + ","
            + perShare.multiply(lotQuantity).setScale(2, RoundingMode.HALF_EVEN)
                .toPlainString());
      }
    });
    return lines;
  }
}
