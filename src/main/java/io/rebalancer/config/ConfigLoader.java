package io.rebalancer.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rebalancer.core.RebalanceMode;
import io.rebalancer.core.RebalanceRules;
import io.rebalancer.core.TradeTo;
import io.rebalancer.core.trust.ValidationRules;
import io.rebalancer.core.format.ExportFormats;
import io.rebalancer.core.format.FormatSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and validates a pipeline YAML once, before any work starts: unknown keys, missing required
 * keys, wrong types and paths that do not exist are errors naming the key.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private ConfigLoader() {}

  public static PipelineConfig load(Path file) {
    String where = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(where + ": no such config file");
    }
    JsonNode tree;
    try {
      tree = YAML.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw YamlSyntax.error(where, e);
    } catch (IOException e) {
      throw new ConfigException(where + ": cannot be read: " + e.getMessage());
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      throw new ConfigException(where + ": the config is empty");
    }
    return parse(new ConfigNode(where, "", tree), file);
  }

  static PipelineConfig parse(ConfigNode root, Path file) {
    root.allowOnly(Set.of("name", "runDate", "sources", "accounts", "models", "prices",
        "securities", "households", "classModels", "lots", "rebalance", "output", "validation",
        "formats"));
    String name = root.string("name", file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
    LocalDate runDate = runDate(root);
    Map<String, FormatSpec> formats = FormatSpecs.parse(root.child("formats"));
    List<SourceConfig> sources = sources(root, formats);
    String accounts = optionalPath(root, "accounts");
    String models = requiredPath(root, "models");
    String prices = optionalPath(root, "prices");
    String securities = optionalPath(root, "securities");
    String households = optionalPath(root, "households");
    String classModels = optionalPath(root, "classModels");
    String lots = optionalPath(root, "lots");
    RebalanceRules rules = rules(root.child("rebalance"));
    ConfigNode output = root.child("output");
    output.allowOnly(Set.of("tradeOrderShards"));
    int shards = (int) output.integer("tradeOrderShards", 4, 1, 1000);
    return new PipelineConfig(name, file.toAbsolutePath().toString(), runDate, sources,
        accounts, models, prices, securities, households, classModels, lots, rules, shards,
        validation(root.child("validation")), formats);
  }

  /** A pinned run date (a sample that must work on any day), or null: the launcher's. */
  private static LocalDate runDate(ConfigNode root) {
    String value = root.string("runDate", null);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw root.error("runDate", "'" + value + "' is not a date (YYYY-MM-DD)");
    }
  }

  private static ValidationRules validation(ConfigNode v) {
    v.allowOnly(Set.of("maxRejectedRows", "maxExportAgeDays", "totalTolerance",
        "maxPriceAgeDays", "priceBreakTolerance"));
    ValidationRules d = ValidationRules.defaults();
    return new ValidationRules(
        v.integer("maxRejectedRows", d.maxRejectedRows(), 0, Long.MAX_VALUE),
        (int) v.integer("maxExportAgeDays", d.maxExportAgeDays(), 0, 3650),
        v.decimal("totalTolerance", d.totalTolerance(), BigDecimal.ZERO),
        (int) v.integer("maxPriceAgeDays", d.maxPriceAgeDays(), 0, 3650),
        v.decimal("priceBreakTolerance", d.priceBreakTolerance(), BigDecimal.ZERO));
  }

  private static List<SourceConfig> sources(ConfigNode root, Map<String, FormatSpec> formats) {
    List<ConfigNode> nodes = root.children("sources");
    if (nodes.isEmpty()) {
      throw root.error("sources", "is required: at least one source");
    }
    List<SourceConfig> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (ConfigNode s : nodes) {
      s.allowOnly(Set.of("id", "brokerage", "uri", "format", "account", "retries", "retryDelay",
          "timeout"));
      String id = s.requiredString("id");
      if (!id.matches("[A-Za-z0-9_.-]+")) {
        throw s.error(s.keyPath("id"), "'" + id + "' may hold only letters, digits, _ . -");
      }
      if (!ids.add(id)) {
        throw s.error(s.keyPath("id"), "duplicate source id " + id);
      }
      String format = s.requiredString("format");
      if (ExportFormats.builtIn(format).isEmpty() && !formats.containsKey(format)) {
        throw s.error(s.keyPath("format"), "unknown format '" + format + "' (built in: "
            + String.join(", ", ExportFormats.builtInNames()) + "; or one under formats:)");
      }
      String uri = SourcePaths.resolve(s, id, s.requiredString("uri"));
      String brokerage = s.string("brokerage", id);
      if (!brokerage.matches("[A-Za-z0-9_.-]+")) {
        throw s.error(s.keyPath("brokerage"), "'" + brokerage
            + "' may hold only letters, digits, _ . -");
      }
      out.add(new SourceConfig(id, brokerage, uri, format, s.string("account", null),
          fetchPolicy(s.about("source " + id))));
    }
    return out;
  }

  /**
   * How a URL source is fetched. A local source may carry the keys too (they do nothing there),
   * so that a source can move between a URL and a file by its uri alone.
   */
  private static FetchPolicy fetchPolicy(ConfigNode s) {
    FetchPolicy d = FetchPolicy.DEFAULT;
    int retries = (int) s.integer("retries", d.retries(), 0, 100);
    Duration delay = s.duration("retryDelay", d.retryDelay(), Duration.ZERO, Duration.ofHours(1));
    Duration timeout = s.duration("timeout", d.timeout(), Duration.ofMillis(1),
        Duration.ofHours(1));
    return new FetchPolicy(retries, delay.toMillis(), timeout.toMillis());
  }

  private static RebalanceRules rules(ConfigNode r) {
    r.allowOnly(Set.of("absoluteBand", "relativeBand", "minTradeValue", "wholeShares",
        "quantityScale", "restricted", "mode", "tradeTo", "taxAware", "avoidShortTermGains"));
    RebalanceRules d = RebalanceRules.defaults();
    boolean taxAware = r.bool("taxAware", d.taxAware());
    boolean avoidShortTermGains = r.bool("avoidShortTermGains", d.avoidShortTermGains());
    if (avoidShortTermGains && !taxAware) {
      // the SPEC makes it a refinement of tax-aware placement; alone it would silently do nothing
      throw r.error(r.keyPath("avoidShortTermGains"),
          "needs rebalance.taxAware: true as well (it chooses which taxable lots a tax-aware"
          + " sell may take)");
    }
    return new RebalanceRules(
        r.decimal("absoluteBand", d.absoluteBand(), BigDecimal.ZERO),
        r.decimal("relativeBand", d.relativeBand(), BigDecimal.ZERO),
        r.decimal("minTradeValue", d.minTradeValue(), BigDecimal.ZERO),
        r.bool("wholeShares", d.wholeShares()),
        (int) r.integer("quantityScale", d.quantityScale(), 0, 12),
        r.strings("restricted"),
        label(r, "mode", d.mode(), RebalanceMode::parse, RebalanceMode.labels()),
        label(r, "tradeTo", d.tradeTo(), TradeTo::parse, TradeTo.labels()),
        taxAware, avoidShortTermGains);
  }

  /** One of an enum's words, or the default when the key is absent; any other word is named. */
  private static <E> E label(ConfigNode node, String key, E fallback,
      Function<String, Optional<E>> parse, String labels) {
    String value = node.string(key, null);
    if (value == null) {
      return fallback;
    }
    return parse.apply(value).orElseThrow(() -> node.error(node.keyPath(key),
        "'" + value + "' is not one of " + labels));
  }

  private static String requiredPath(ConfigNode root, String key) {
    String p = optionalPath(root, key);
    if (p == null) {
      throw root.error(key, "is required");
    }
    return p;
  }

  private static String optionalPath(ConfigNode root, String key) {
    String value = root.string(key, null);
    if (value == null) {
      return null;
    }
    Path p = Path.of(value).toAbsolutePath().normalize();
    if (!Files.isRegularFile(p)) {
      throw root.error(key, "no such file: " + value);
    }
    return p.toString();
  }
}
