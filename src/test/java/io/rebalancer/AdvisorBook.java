package io.rebalancer;

import io.rebalancer.config.PipelineConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link RandomBook}'s book with the inputs of advisor rebalancing beside it: a security master
 * that relabels most symbols (and names a sweep fund, whose cash rows stay cash), a class model
 * that every fifth household follows, and households.csv setting modes and trade-tos. Everything
 * is derived from the household's number, not the book's random stream, so the book itself is
 * the one {@link RandomBook} writes.
 */
final class AdvisorBook {
  /** The master's class for each symbol it names: unlike the book's own labels for some. */
  static final Map<String, String> CLASSES = Map.of("VTI", "US_TOTAL_MARKET", "VXUS",
      "INTL_EQUITY", "BND", "US_BOND", "BNDX", "INTL_BOND", "SCHD", "US_DIVIDEND_EQUITY",
      "MSFT", "US_LARGE_CAP", "VMFXX", "MONEY_MARKET");
  static final String CLASS_MODEL = "classes";

  private AdvisorBook() {}

  static PipelineConfig write(Path dir, PipelineConfig book) throws IOException {
    List<String> securities = new ArrayList<>(List.of("symbol,asset_class,name,"
        + "preferred_account_type"));
    CLASSES.keySet().stream().sorted().forEach(s -> securities.add(s + "," + CLASSES.get(s)
        + "," + s + " fund," + (CLASSES.get(s).endsWith("BOND") ? "tax-deferred" : "")));
    Path master = Files.write(dir.resolve("securities.csv"), securities);
    Path classModels = Files.write(dir.resolve("class-models.csv"), List.of(
        "model_id,asset_class,target_weight,buy_symbol",
        CLASS_MODEL + ",US_TOTAL_MARKET,0.55,VTI",
        CLASS_MODEL + ",INTL_EQUITY,0.20,VXUS",
        CLASS_MODEL + ",US_BOND,0.20,BND",
        CLASS_MODEL + ",US_LARGE_CAP,0,",
        CLASS_MODEL + ",CASH,0.05,"));
    List<String> households = new ArrayList<>(List.of("household_id,mode,trade_to"));
    List<String> accounts = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(book.accounts()))) {
      String[] cells = line.split(",", -1);
      if (!cells[2].startsWith("HH")) {
        accounts.add(line); // the header
        continue;
      }
      int h = Integer.parseInt(cells[2].substring(2));
      if (h % 5 == 2) {
        cells[3] = CLASS_MODEL;
      }
      accounts.add(String.join(",", cells));
      String row = switch (h % 4) {
        case 1 -> cells[2] + ",buy-only,";
        case 2 -> cells[2] + ",,band-edge";
        case 3 -> cells[2] + ",bands,target";
        default -> null;
      };
      if (row != null && !households.contains(row)) {
        households.add(row);
      }
    }
    households.add("HH999,buy-only,band-edge"); // a household with no accounts: ignored
    Files.write(Path.of(book.accounts()), accounts);
    Path rules = Files.write(dir.resolve("households.csv"), households);
    return new PipelineConfig(book.name(), book.file(), book.runDate(), book.sources(),
        book.accounts(), book.models(), book.prices(), master.toString(), rules.toString(),
        classModels.toString(), book.rebalance(), book.tradeOrderShards(), book.validation(),
        book.formats());
  }
}
