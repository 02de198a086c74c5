package io.rebalancer.core.format;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The built-in layouts by name; more are added here or, without code, under `formats:`. */
public final class ExportFormats {
  private static final Map<String, ExportFormat> BUILT_IN = new TreeMap<>();

  static {
    register(new CanonicalFormat());
    register(new VanguardOfxFormat());
    register(new EtradePortfolioFormat());
    register(new IbkrActivityFormat());
  }

  private ExportFormats() {}

  private static void register(ExportFormat format) {
    BUILT_IN.put(format.name(), format);
  }

  public static Optional<ExportFormat> builtIn(String name) {
    return Optional.ofNullable(BUILT_IN.get(name));
  }

  public static java.util.Set<String> builtInNames() {
    return BUILT_IN.keySet();
  }
}
