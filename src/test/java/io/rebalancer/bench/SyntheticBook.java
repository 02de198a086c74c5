package io.rebalancer.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a seeded synthetic book in the canonical layout: five brokerages, households of one to
 * four accounts on three models, a year of daily closes with gaps, cash reserves, a restricted
 * symbol and symbols outside every model. For benchmarks; the same seed gives the same files.
 */
public final class SyntheticBook {
  static final String[] SYMBOLS = {"VTI", "VXUS", "BND", "BNDX", "VNQ", "AAPL", "MSFT", "NVDA",
      "SCHB", "GLD", "TIP", "RSTR"};
  static final double[] START = {265, 61, 72.5, 48.9, 90, 228, 415, 130, 22.4, 190, 108, 35};

  private SyntheticBook() {}

  /** Writes the book into dir and returns the config file. */
  public static Path write(Path dir, int accounts, long seed, LocalDate runDate)
      throws IOException {
    Random r = new Random(seed);
    Files.createDirectories(dir);
    writeModels(dir.resolve("models.csv"));
    writePrices(dir.resolve("prices.csv"), r, runDate);
    List<BufferedWriter> files = new ArrayList<>();
    for (int b = 1; b <= 5; b++) {
      Path f = dir.resolve("brokerages/BROKERAGE_00" + b + "/positions.csv");
      Files.createDirectories(f.getParent());
      BufferedWriter w = Files.newBufferedWriter(f);
      w.write("account_id,symbol,quantity,price,asset_class\n");
      files.add(w);
    }
    try (BufferedWriter acc = Files.newBufferedWriter(dir.resolve("accounts.csv"))) {
      acc.write("brokerage_id,account_id,household_id,model_id,cash_reserve\n");
      int written = 0;
      for (int h = 0; written < accounts; h++) {
        String model = new String[] {"balanced", "growth", "income"}[h % 3];
        int size = Math.min(accounts - written, 1 + r.nextInt(4));
        for (int i = 0; i < size; i++, written++) {
          int b = r.nextInt(5);
          String account = String.format("A%07d", written);
          acc.write(String.format(Locale.ROOT, "BROKERAGE_00%d,%s,HH%06d,%s,%s%n", b + 1,
              account, h, model, r.nextInt(4) == 0 ? "500.00" : "0"));
          writeHoldings(files.get(b), account, r);
        }
      }
    }
    for (BufferedWriter w : files) {
      w.close();
    }
    Path config = dir.resolve("config.yaml");
    StringBuilder y = new StringBuilder("name: synthetic\nsources:\n");
    for (int b = 1; b <= 5; b++) {
      y.append("  - id: BROKERAGE_00").append(b).append("\n    uri: ")
          .append(dir.resolve("brokerages/BROKERAGE_00" + b + "/positions.csv"))
          .append("\n    format: canonical\n");
    }
    y.append("accounts: ").append(dir.resolve("accounts.csv")).append("\nmodels: ")
        .append(dir.resolve("models.csv")).append("\nprices: ").append(dir.resolve("prices.csv"))
        .append("\nrebalance:\n  restricted: [RSTR]\n");
    Files.writeString(config, y.toString());
    return config;
  }

  private static void writeHoldings(BufferedWriter w, String account, Random r)
      throws IOException {
    int n = 2 + r.nextInt(6);
    List<Integer> picked = new ArrayList<>();
    while (picked.size() < n) {
      int s = r.nextInt(SYMBOLS.length);
      if (!picked.contains(s)) {
        picked.add(s);
      }
    }
    for (int s : picked) {
      double qty = 1 + r.nextInt(400);
      String q = r.nextInt(10) == 0 ? String.format(Locale.ROOT, "%.4f", qty + r.nextDouble())
          : String.valueOf((int) qty);
      w.write(account + "," + SYMBOLS[s] + "," + q + ",," + (s < 2 ? "EQUITY" : "OTHER") + "\n");
    }
    w.write(String.format(Locale.ROOT, "%s,CASH,%.2f,1,CASH%n", account, r.nextDouble() * 20000));
  }

  private static void writeModels(Path f) throws IOException {
    Files.writeString(f, String.join("\n", "model_id,symbol,target_weight",
        "balanced,VTI,0.35", "balanced,VXUS,0.20", "balanced,BND,0.30", "balanced,BNDX,0.10",
        "balanced,CASH,0.05", "growth,VTI,0.50", "growth,VXUS,0.25", "growth,VNQ,0.10",
        "growth,BND,0.15", "income,BND,0.45", "income,TIP,0.20", "income,VTI,0.25",
        "income,GLD,0.10", ""));
  }

  private static void writePrices(Path f, Random r, LocalDate runDate) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(f)) {
      w.write("date,symbol,close\n");
      double[] p = START.clone();
      for (LocalDate d = runDate.minusYears(1); !d.isAfter(runDate); d = d.plusDays(1)) {
        if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
          continue;
        }
        for (int s = 0; s < SYMBOLS.length; s++) {
          p[s] *= Math.exp(0.0003 + 0.012 * r.nextGaussian());
          if (r.nextInt(50) != 0) { // about one close in fifty is missing
            w.write(String.format(Locale.ROOT, "%s,%s,%.2f%n", d, SYMBOLS[s], p[s]));
          }
        }
      }
    }
  }
}
