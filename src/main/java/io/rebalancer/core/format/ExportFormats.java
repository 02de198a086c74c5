package io.rebalancer.core.format;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The built-in layouts by name; more are added here or, without code, under `formats:`. */
public final class ExportFormats {
  private static final Map<String, ExportFormat> BUILT_IN = new TreeMap<>();

  static {
    register(new CanonicalFormat());
    register(new SchwabPositionsFormat());
    register(new FidelityPositionsFormat());
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

  /** A built-in layout, else one described in configuration; null when neither has the name. */
  public static ExportFormat resolve(String name, Map<String, FormatSpec> custom) {
    ExportFormat builtIn = BUILT_IN.get(name);
    if (builtIn != null) {
      return builtIn;
    }
    FormatSpec spec = custom.get(name);
    return spec == null ? null : new ConfiguredFormat(spec);
  }

  public static java.util.Set<String> builtInNames() {
    return BUILT_IN.keySet();
  }
}
