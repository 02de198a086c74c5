package io.rebalancer;

import io.rebalancer.config.PipelineConfig;
import io.rebalancer.config.SourceConfig;
import io.rebalancer.core.AccountAnalysis;
import io.rebalancer.core.AccountAnalyzer;
import io.rebalancer.core.AccountHoldings;
import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.AccountJoin;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.Holding;
import io.rebalancer.core.HoldingPricing;
import io.rebalancer.core.HouseholdPlan;
import io.rebalancer.core.HouseholdRules;
import io.rebalancer.core.InputException;
import io.rebalancer.core.Lot;
import io.rebalancer.core.Model;
import io.rebalancer.core.ModelBook;
import io.rebalancer.core.ModelLookup;
import io.rebalancer.core.PriceBook;
import io.rebalancer.core.RebalanceRules;
import io.rebalancer.core.Rebalancer;
import io.rebalancer.core.RejectedRow;
import io.rebalancer.core.SecurityMaster;
import io.rebalancer.core.TradeOrder;
import io.rebalancer.core.format.ClassModelFile;
import io.rebalancer.core.format.ExportFormats;
import io.rebalancer.core.format.ExportRow;
import io.rebalancer.core.format.ExportRows;
import io.rebalancer.core.format.HouseholdFile;
import io.rebalancer.core.format.LotFile;
import io.rebalancer.core.format.ParseSink;
import io.rebalancer.core.format.ReferenceFiles;
import io.rebalancer.core.format.SecurityFile;
import io.rebalancer.core.format.SourceFile;
import io.rebalancer.io.TradeOrderCsv;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVPrinter;

/**
 * The daily rebalance as plain Java, one step after the other in one thread, on the core alone:
 * what the pipeline must produce (Nexmark's "model" of a query). The domain rules are the core's
 * own (the security master, the analysis, the model book and lookup, each household's rules, the
 * rebalancer), so the comparison tests the code the pipeline runs; only the plumbing around them
 * (reading, grouping, sorting, writing) is independent of the pipeline's.
 */
final class RebalanceModel {
  /** What the model produced: the trade-orders file's text, the plans and the dead letters. */
  record Result(String tradeOrdersCsv, List<HouseholdPlan> plans, List<RejectedRow> rejected) {}

  private RebalanceModel() {}

  static Result run(PipelineConfig config, LocalDate runDate) throws IOException {
    PriceBook prices = config.prices() == null ? PriceBook.empty()
        : new PriceBook(ReferenceFiles.prices(config.prices(), reader(config.prices()), runDate));
    Map<AccountKey, AccountInfo> accounts = new HashMap<>();
    if (config.accounts() != null) {
      ReferenceFiles.accounts(config.accounts(), reader(config.accounts()))
          .forEach(a -> accounts.put(a.key(), a));
    }
    SecurityMaster master = config.securities() == null ? SecurityMaster.EMPTY
        : SecurityMaster.of(SecurityFile.securities(config.securities(),
            reader(config.securities())));
    List<Model> classModels = config.classModels() == null ? List.of()
        : ClassModelFile.classModels(config.classModels(), reader(config.classModels()));
    Map<String, Model> models = ModelBook.of(config.models(),
        ReferenceFiles.models(config.models(), reader(config.models())), config.classModels(),
        classModels, config.securities(), master);
    Map<String, HouseholdRules> householdRules = new HashMap<>();
    if (config.households() != null) {
      HouseholdFile.households(config.households(), reader(config.households()))
          .forEach(h -> householdRules.put(h.householdId(), h));
    }

    // lots.csv and the exports' lots, per account, as the pipeline joins them
    Map<AccountKey, List<Lot>> fileLots = new HashMap<>();
    if (config.lots() != null) {
      LotFile.lots(config.lots(), reader(config.lots()), runDate)
          .forEach(l -> fileLots.computeIfAbsent(l.account(), k -> new ArrayList<>()).add(l));
    }
    Map<AccountKey, List<Lot>> exportLots = new HashMap<>();
    Map<AccountKey, List<Holding>> holdings = new TreeMap<>();
    Map<AccountKey, List<String>> rawLines = new HashMap<>();
    List<RejectedRow> rejected = new ArrayList<>();
    for (SourceConfig source : config.sources()) {
      for (Path file : files(source.uri())) {
        String uri = file.toString();
        List<ExportRow> rows = ExportRows.split(source.id(), uri,
            Files.readString(file, StandardCharsets.UTF_8));
        ExportFormats.builtIn(source.format()).orElseThrow().read(
            new SourceFile(source.id(), source.brokerage(), uri, source.account()), rows,
            new ParseSink() {
              /** The holding last kept: the lots the format states next are its own. */
              private Holding lastKept;

              @Override
              public void holding(Holding h, ExportRow row) {
                lastKept = null;
                // The core's verdicts, as the pipeline's steps call them: priced, classified by
                // the security master, then joined.
                HoldingPricing pricing = HoldingPricing.of(h, prices);
                if (pricing.holding() == null) {
                  rejected.add(pricing.rejectedRow(h, row.raw()));
                  return;
                }
                lastKept = master.classify(pricing.holding());
                holdings.computeIfAbsent(h.account(), k -> new ArrayList<>()).add(lastKept);
                rawLines.computeIfAbsent(h.account(), k -> new ArrayList<>()).add(row.raw());
              }

              @Override
              public void recognised(ExportRow row, String what) {}

              @Override
              public void rejected(RejectedRow row) {
                lastKept = null;
                rejected.add(row);
              }

              @Override
              public void lot(Lot lot) {
                if (lastKept != null && lastKept.accountId().equals(lot.accountId())
                    && lastKept.symbol().equals(lot.symbol())) {
                  exportLots.computeIfAbsent(lot.account(), k -> new ArrayList<>()).add(lot);
                }
              }
            });
      }
    }
    Map<AccountKey, AccountHoldings> joined = new TreeMap<>();
    SortedSet<AccountKey> keys = new TreeSet<>(holdings.keySet());
    keys.addAll(fileLots.keySet());
    for (AccountKey key : keys) {
      List<Holding> list = holdings.getOrDefault(key, List.of());
      List<AccountInfo> listed = accounts.containsKey(key) ? List.of(accounts.get(key)) : List.of();
      AccountJoin join = AccountJoin.of(key, listed, list, fileLots.getOrDefault(key, List.of()),
          exportLots.getOrDefault(key, List.of()), config.accounts());
      if (join.problem() != null) {
        throw new InputException(join.problem().message());
      }
      if (join.unknown()) {
        for (int i = 0; i < list.size(); i++) {
          rejected.add(AccountHoldings.unknownAccount(list.get(i), rawLines.get(key).get(i)));
        }
        continue;
      }
      if (join.account() != null) {
        joined.put(key, join.account());
      }
    }

    Map<String, List<AccountAnalysis>> households = new TreeMap<>();
    joined.forEach((key, account) -> {
      ModelLookup.ofAccount(account.info(), models); // an account on an unknown model stops the run
      AccountAnalysis a = AccountAnalyzer.analyze(account.info(), account.holdings(),
          account.lots(), prices);
      households.computeIfAbsent(a.householdId(), h -> new ArrayList<>()).add(a);
    });
    List<HouseholdPlan> plans = new ArrayList<>();
    List<TradeOrder> orders = new ArrayList<>();
    households.forEach((household, list) -> {
      Model model = ModelLookup.ofHousehold(household, list, models);
      RebalanceRules rules = config.rebalance().forHousehold(householdRules.get(household));
      HouseholdPlan plan = new Rebalancer(rules, runDate, master)
          .rebalance(household, model, list, prices);
      plans.add(plan);
      orders.addAll(plan.orders());
    });
    orders.sort(TradeOrder.FILE_ORDER);

    StringBuilder csv = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(csv, TradeOrderCsv.FORMAT)) {
      printer.printRecord(TradeOrderCsv.HEADER);
      for (TradeOrder o : orders) {
        printer.printRecord(TradeOrderCsv.cells(runDate, o));
      }
    }
    return new Result(csv.toString(), plans, rejected);
  }

  /** A path, or every file matching a glob in its file name, sorted. */
  private static List<Path> files(String uri) throws IOException {
    Path path = Path.of(uri);
    String name = path.getFileName().toString();
    if (!name.contains("*") && !name.contains("?")) {
      return List.of(path);
    }
    List<Path> matches = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(path.getParent(), name)) {
      ds.forEach(matches::add);
    }
    matches.sort(null);
    return matches;
  }

  private static Reader reader(String file) throws IOException {
    return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
  }
}
