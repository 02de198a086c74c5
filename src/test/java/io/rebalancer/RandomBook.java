package io.rebalancer;

import io.rebalancer.config.PipelineConfig;
import io.rebalancer.config.SourceConfig;
import io.rebalancer.core.RebalanceRules;
import io.rebalancer.core.trust.ValidationRules;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A random but seeded book of canonical inputs: five brokerages (the fifth split over two files
 * matched by a glob), about 40 households of 1-3 accounts on two models, a price history with gaps
 * (and none at all for SCHD), cash and money-market rows, cash reserves, a restricted symbol, a
 * symbol in no model, rows without a price, and two rows that must be rejected.
 *
 * <p>The advisor book ({@link #writeAdvisor}) is the same book with the advisors' rules on top:
 * brokers' own asset-class labels that a security master replaces, two asset-class models, every
 * `trading` value, households on their own mode and trade-to, and a config default for both.
 */
final class RandomBook {
  static final List<String> BROKERAGES = List.of("BROKERAGE_001", "BROKERAGE_002",
      "BROKERAGE_003", "BROKERAGE_004", "BROKERAGE_005");
  /** Restricted: AAPL (held, in no model) and BNDX (in the income model). MSFT is in no model. */
  static final List<String> RESTRICTED = List.of("AAPL", "BNDX");
  private static final Map<String, String> ASSET_CLASS = Map.of("VTI", "US_EQUITY", "VXUS",
      "INTL_EQUITY", "BND", "US_BOND", "BNDX", "INTL_BOND", "SCHD", "US_EQUITY", "AAPL",
      "US_EQUITY", "MSFT", "US_EQUITY");
  private static final Map<String, Map<String, String>> MODELS = Map.of(
      "growth", ordered("VTI", "0.50", "VXUS", "0.20", "BND", "0.15", "SCHD", "0.10", "CASH",
          "0.05"),
      "income", ordered("BND", "0.40", "BNDX", "0.20", "VTI", "0.25", "SCHD", "0.10", "CASH",
          "0.05"));
  private static final Map<String, Double> START = ordered(
      "VTI", 250.0, "VXUS", 62.0, "BND", 72.0, "BNDX", 49.0, "AAPL", 180.0, "MSFT", 400.0);
  private static final double SCHD_PRICE = 27.35; // no history: priced from its rows only
  /** The advisor book's class models: class, weight, buy symbol (BNDX is restricted). */
  private static final Map<String, List<String>> CLASS_MODELS = Map.of(
      "classes-growth", List.of("US_EQUITY,0.50,VTI", "INTL_EQUITY,0.20,VXUS",
          "US_BOND,0.25,BND", "CASH,0.05,"),
      "classes-income", List.of("US_BOND,0.45,BND", "INTL_BOND,0.20,BNDX",
          "US_EQUITY,0.30,SCHD", "CASH,0.05,"));
  /** What a class model's household holds when it is on its model. */
  private static final Map<String, Map<String, String>> CLASS_MODEL_HOLDINGS = Map.of(
      "classes-growth", ordered("VTI", "0.30", "SCHD", "0.20", "VXUS", "0.20", "BND", "0.25",
          "CASH", "0.05"),
      "classes-income", ordered("BND", "0.45", "BNDX", "0.20", "AAPL", "0.10", "VTI", "0.20",
          "CASH", "0.05"));
  /** The brokers' labels the advisor book's exports carry instead of real classes. */
  private static final List<String> BROKER_LABELS = List.of("ETFs & Closed End Funds", "Stocks",
      "UNCLASSIFIED", "Equity");

  private final Random random;
  private final Path dir;
  private final LocalDate runDate;
  /** The latest close on or before the run date, per symbol with a history. */
  private final Map<String, BigDecimal> latest = new TreeMap<>();
  private final Map<String, List<String>> rowsByFile = new TreeMap<>();
  private final List<String> accountLines = new ArrayList<>();
  private final List<String> householdLines = new ArrayList<>();
  /** Quantity by "brokerage,account,symbol" of every non-cash row written: what lots may cover. */
  private final Map<String, BigDecimal> held = new TreeMap<>();
  /** Writing the advisor book. */
  private final boolean advisor;

  private RandomBook(long seed, Path dir, LocalDate runDate, boolean advisor) {
    this.random = new Random(seed);
    this.dir = dir;
    this.runDate = runDate;
    this.advisor = advisor;
  }

  /** Writes the book's files under dir and returns the config that reads them. */
  static PipelineConfig write(Path dir, long seed, LocalDate runDate, RebalanceRules rules,
      int shards) throws IOException {
    return new RandomBook(seed, dir, runDate, false).write(rules, shards);
  }

  /**
   * Writes the advisor book's files and its config (mode and tradeTo as given, the households'
   * own beside them) under dir and returns the config file, read as a user's would be.
   */
  static Path writeAdvisor(Path dir, long seed, LocalDate runDate, boolean wholeShares,
      String mode, String tradeTo) throws IOException {
    return new RandomBook(seed, dir, runDate, true).writeAdvisor(wholeShares, mode, tradeTo,
        null);
  }

  /**
   * The advisor book with tax lots: a lots.csv over most holdings (terms either side of 365
   * days, purchases inside and outside the wash-sale window, gains and losses, lots that leave a
   * remainder, ties of cost per share), and the config's taxAware and avoidShortTermGains.
   */
  static Path writeTaxAware(Path dir, long seed, LocalDate runDate, boolean wholeShares,
      boolean avoidShortTermGains) throws IOException {
    RandomBook book = new RandomBook(seed, dir, runDate, true);
    return book.writeAdvisor(wholeShares, "bands", "target",
        "  taxAware: true\n  avoidShortTermGains: " + avoidShortTermGains + "\n");
  }

  /**
   * The advisor book's security master: the real classes of all but MSFT (it keeps its brokers'
   * labels: a master need not be whole), and VMFXX as a money-market fund, whose rows the exports
   * give as cash and which stay cash.
   */
  static Map<String, String> advisorMaster() {
    Map<String, String> master = new TreeMap<>(ASSET_CLASS);
    master.remove("MSFT");
    master.put("VMFXX", "MONEY_MARKET");
    return master;
  }

  /** @param taxRules the rebalance keys of tax awareness, or null for a book without lots */
  private Path writeAdvisor(boolean wholeShares, String mode, String tradeTo, String taxRules)
      throws IOException {
    PipelineConfig base = write(rules(wholeShares), 5);
    Path lots = taxRules == null ? null
        : writeLines("lots.csv", "brokerage_id,account_id,symbol,lot_id,open_date,quantity,"
            + "cost_basis", new TaxLotLines(random.nextLong(), runDate, latest, SCHD_PRICE)
            .of(held));
    List<String> classLines = new ArrayList<>();
    new TreeMap<>(CLASS_MODELS).forEach((id, lines) ->
        lines.forEach(l -> classLines.add(id + "," + l)));
    Path classModels = writeLines("class-models.csv",
        "model_id,asset_class,target_weight,buy_symbol", classLines);
    List<String> securities = new ArrayList<>();
    advisorMaster().forEach((symbol, assetClass) -> securities.add(symbol + "," + assetClass
        + "," + symbol + " fund," + (assetClass.endsWith("BOND") ? "tax-deferred" : "")));
    Path master = writeLines("securities.csv",
        "symbol,asset_class,name,preferred_account_type", securities);
    Path households = writeLines("households.csv", "household_id,mode,trade_to",
        householdLines);
    StringBuilder yaml = new StringBuilder()
        .append("name: advisor-matches-model\n")
        .append("sources:\n");
    for (SourceConfig source : base.sources()) {
      yaml.append("  - id: ").append(source.id()).append("\n")
          .append("    uri: \"").append(source.uri()).append("\"\n")
          .append("    format: canonical\n");
    }
    yaml.append("accounts: \"").append(base.accounts()).append("\"\n")
        .append("models: \"").append(base.models()).append("\"\n")
        .append("classModels: \"").append(classModels).append("\"\n")
        .append("securities: \"").append(master).append("\"\n")
        .append("households: \"").append(households).append("\"\n")
        .append(lots == null ? "" : "lots: \"" + lots + "\"\n")
        .append("prices: \"").append(base.prices()).append("\"\n")
        .append("rebalance:\n")
        .append("  absoluteBand: 0.05\n  relativeBand: 0.25\n  minTradeValue: 100.00\n")
        .append("  wholeShares: ").append(wholeShares).append("\n")
        .append("  quantityScale: 4\n")
        .append("  restricted: [").append(String.join(", ", RESTRICTED)).append("]\n")
        .append("  mode: ").append(mode).append("\n")
        .append("  tradeTo: ").append(tradeTo).append("\n")
        .append(taxRules == null ? "" : taxRules)
        .append("output:\n  tradeOrderShards: 5\n")
        .append("validation:\n  maxRejectedRows: 10\n");
    return Files.writeString(dir.resolve("advisor.yaml"), yaml);
  }

  static RebalanceRules rules(boolean wholeShares) {
    return new RebalanceRules(new BigDecimal("0.05"), new BigDecimal("0.25"),
        new BigDecimal("100.00"), wholeShares, 4, RESTRICTED);
  }

  private PipelineConfig write(RebalanceRules rules, int shards) throws IOException {
    Path prices = writeLines("prices.csv", "date,symbol,close", prices());
    List<String> modelLines = new ArrayList<>();
    new TreeMap<>(MODELS).forEach((id, weights) ->
        weights.forEach((symbol, w) -> modelLines.add(id + "," + symbol + "," + w)));
    Path models = writeLines("models.csv", "model_id,symbol,target_weight", modelLines);
    households();
    Path accounts = writeLines("accounts.csv",
        "brokerage_id,account_id,household_id,model_id,cash_reserve"
            + (advisor ? ",account_type,trading" : ""), accountLines);
    List<SourceConfig> sources = new ArrayList<>();
    for (String brokerage : BROKERAGES) {
      String uri = brokerage.equals("BROKERAGE_005")
          ? dir.resolve("brokerages/" + brokerage + "/positions-*.csv").toString()
          : dir.resolve("brokerages/" + brokerage + "/positions.csv").toString();
      sources.add(new SourceConfig(brokerage, uri, "canonical", null));
    }
    for (var e : rowsByFile.entrySet()) {
      List<String> rows = new ArrayList<>(e.getValue());
      Collections.shuffle(rows, random); // an account's rows interleave with others'
      writeLines(e.getKey(), "account_id,symbol,quantity,price,asset_class", rows);
    }
    return new PipelineConfig("matches-model", dir.resolve("matches-model.yaml").toString(),
        null, sources, accounts.toString(), models.toString(), prices.toString(), rules, shards,
        ValidationRules.defaults().withMaxRejectedRows(10), Map.of());
  }

  /** Weekday closes from August to after the run date, about 7% missing, VTI none on the day. */
  private List<String> prices() {
    List<String> lines = new ArrayList<>();
    Map<String, Double> close = new LinkedHashMap<>(START);
    for (LocalDate d = runDate.minusDays(110); !d.isAfter(runDate.plusDays(4)); d = d.plusDays(1)) {
      if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      for (var e : close.entrySet()) {
        double next = e.getValue() * (1 + random.nextGaussian() * 0.012);
        e.setValue(next);
        boolean gap = random.nextInt(100) < 7 || (e.getKey().equals("VTI") && d.equals(runDate));
        if (gap) {
          continue;
        }
        BigDecimal c = BigDecimal.valueOf(next).setScale(2, RoundingMode.HALF_EVEN);
        lines.add(d + "," + e.getKey() + "," + c.toPlainString());
        if (!d.isAfter(runDate)) {
          latest.put(e.getKey(), c);
        }
      }
    }
    return lines;
  }

  private void households() {
    Set<String> accountIds = new HashSet<>();
    for (int h = 1; h <= 40; h++) {
      String household = String.format("HH%03d", h);
      String model = random.nextBoolean() ? "growth" : "income";
      if (advisor && random.nextBoolean()) {
        model = "classes-" + model;
      }
      int accounts = 1 + random.nextInt(3);
      boolean balanced = h % 7 == 0; // on its model: within tolerance
      if (advisor && random.nextInt(3) == 0) {
        householdLines.add(household + "," + pick("", "bands", "buy-only") + ","
            + pick("", "target", "band-edge"));
      }
      for (int a = 0; a < accounts; a++) {
        String brokerage = BROKERAGES.get(random.nextInt(BROKERAGES.size()));
        String account;
        do {
          account = "ACCT-" + (1000 + random.nextInt(9000));
        } while (!accountIds.add(brokerage + "/" + account));
        String reserve = List.of("0", "0", "500.00", "2500.00").get(random.nextInt(4));
        accountLines.add(brokerage + "," + account + "," + household + "," + model + ","
            + reserve + (advisor ? "," + pick("taxable", "tax-deferred", "tax-exempt", "") + ","
                + pick("normal", "normal", "normal", "", "no-sell", "no-buy", "frozen") : ""));
        if (balanced) {
          if (a == 0) {
            balancedHoldings(brokerage, account, MODELS.containsKey(model) ? MODELS.get(model)
                : CLASS_MODEL_HOLDINGS.get(model));
          }
        } else {
          randomHoldings(brokerage, account);
        }
      }
    }
    // dead letters: an account that accounts.csv does not list, and a malformed quantity
    row("BROKERAGE_002", "ACCT-GHOST,VTI,10,250.00,US_EQUITY");
    row("BROKERAGE_003", "ACCT-0001,BND,12..5,72.00,US_BOND");
  }

  private void balancedHoldings(String brokerage, String account, Map<String, String> model) {
    BigDecimal value = BigDecimal.valueOf(50_000 + random.nextInt(450_000));
    model.forEach((symbol, weight) -> {
      BigDecimal target = value.multiply(new BigDecimal(weight));
      if (symbol.equals("CASH")) {
        row(brokerage, account + ",CASH," + target.setScale(2, RoundingMode.DOWN) + ",1,CASH");
      } else {
        BigDecimal price = tradingPrice(symbol);
        BigDecimal quantity = target.divide(price, 0, RoundingMode.HALF_EVEN);
        row(brokerage, account + "," + symbol + "," + quantity + "," + price + ","
            + label(symbol));
      }
    });
  }

  private void randomHoldings(String brokerage, String account) {
    List<String> symbols = new ArrayList<>(ASSET_CLASS.keySet());
    symbols.sort(null);
    Collections.shuffle(symbols, random);
    int count = 2 + random.nextInt(4);
    for (String symbol : symbols.subList(0, count)) {
      int rows = random.nextInt(10) == 0 ? 2 : 1; // the same symbol on two rows now and then
      for (int r = 0; r < rows; r++) {
        String quantity = random.nextInt(5) == 0
            ? BigDecimal.valueOf(random.nextInt(400_000), 3).toPlainString()
            : Integer.toString(1 + random.nextInt(800));
        BigDecimal base = tradingPrice(symbol);
        boolean noPrice = !symbol.equals("SCHD") && random.nextInt(7) == 0;
        String price = noPrice ? "" : base.multiply(BigDecimal.valueOf(0.98 + random.nextDouble()
            * 0.04)).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        row(brokerage, account + "," + symbol + "," + quantity + "," + price + ","
            + label(symbol));
      }
    }
    if (random.nextInt(5) != 0) {
      row(brokerage, account + ",CASH," + BigDecimal.valueOf(random.nextInt(3_000_000), 2)
          + ",1,CASH");
    }
    if (random.nextInt(3) == 0) {
      row(brokerage, account + ",VMFXX," + BigDecimal.valueOf(random.nextInt(1_000_000), 2)
          + ",1.00,CASH");
    }
  }

  /** The asset class an export row carries: the real one, or in the advisor book a broker's. */
  private String label(String symbol) {
    return advisor ? BROKER_LABELS.get(random.nextInt(BROKER_LABELS.size()))
        : ASSET_CLASS.get(symbol);
  }

  private String pick(String... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private BigDecimal tradingPrice(String symbol) {
    return symbol.equals("SCHD") ? BigDecimal.valueOf(SCHD_PRICE) : latest.get(symbol);
  }

  /** BROKERAGE_005's accounts are split between two files of a glob, each account in one. */
  private void row(String brokerage, String line) {
    String account = line.substring(0, line.indexOf(','));
    String file = brokerage.equals("BROKERAGE_005")
        ? "brokerages/" + brokerage + "/positions-" + ((account.hashCode() & 1) == 0 ? "a" : "b")
            + ".csv"
        : "brokerages/" + brokerage + "/positions.csv";
    rowsByFile.computeIfAbsent(file, f -> new ArrayList<>()).add(line);
    String[] cells = line.split(",", -1);
    if (!cells[1].equals("CASH") && !cells[1].equals("VMFXX")) {
      try {
        held.merge(brokerage + "," + line.substring(0, line.indexOf(',')) + "," + cells[1],
            new BigDecimal(cells[2]), BigDecimal::add);
      } catch (NumberFormatException e) {
        // a malformed quantity: a dead letter, nothing a lot can cover
      }
    }
  }

  private Path writeLines(String name, String header, List<String> lines) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    StringBuilder text = new StringBuilder(header).append('\n');
    lines.forEach(l -> text.append(l).append('\n'));
    return Files.writeString(file, text);
  }

  @SuppressWarnings("unchecked")
  private static <V> Map<String, V> ordered(Object... keyValues) {
    Map<String, V> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], (V) keyValues[i + 1]);
    }
    return map;
  }
}
