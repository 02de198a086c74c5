package io.rebalancer.core.format;

import io.rebalancer.core.AccountType;
import io.rebalancer.core.Security;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * securities.csv, the security master: symbol, asset_class, and optionally name and
 * preferred_account_type. A symbol has one asset class, so a symbol on two lines is an error
 * naming both, not a last-one-wins.
 */
public final class SecurityFile {
  private SecurityFile() {}

  /** The securities in file order. */
  public static List<Security> securities(String file, Reader in) {
    List<Security> out = new ArrayList<>();
    Map<String, Long> lineOf = new HashMap<>();
    ReferenceRows.read(file, in, List.of("symbol", "asset_class"), row -> {
      String symbol = row.text("symbol");
      Long first = lineOf.putIfAbsent(symbol, row.line());
      if (first != null) {
        throw row.error("symbol " + symbol + " is listed twice (first on line " + first
            + "): a symbol has one asset class");
      }
      out.add(new Security(symbol, row.text("asset_class"), row.optionalText("name"),
          row.optionalLabel("preferred_account_type", AccountType::parse,
              AccountType.labels())));
    });
    return List.copyOf(out);
  }
}
