package io.rebalancer;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.rebalancer.core.InputException;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Beam's option parser, with its refusals turned into one line that names the option and what it
 * takes. Beam says "Cannot deserialize value of type `int` from String "abc"" without saying which
 * option: the arguments are parsed again one at a time to find the one it refused, and that
 * option's declared type says what it expects.
 */
final class OptionParsing {
  private static final Pattern DID_YOU_MEAN = Pattern.compile("Did you mean '([^']+)'");
  private static final Pattern RUNNERS = Pattern.compile("supported pipeline runners \\[(.*)]");

  private OptionParsing() {}

  static RebalanceOptions parse(String[] args) {
    PipelineOptionsFactory.register(RebalanceOptions.class);
    try {
      return build(args);
    } catch (IllegalArgumentException e) {
      throw new InputException(explain(args, e));
    }
  }

  private static RebalanceOptions build(String... args) {
    return PipelineOptionsFactory.fromArgs(args).withValidation().as(RebalanceOptions.class);
  }

  private static String explain(String[] args, IllegalArgumentException whole) {
    for (String arg : args) {
      try {
        build(arg);
      } catch (IllegalArgumentException e) {
        return explain(arg, e);
      }
    }
    // Each argument parses alone: together they set one option twice.
    Map<String, List<String>> given = Arrays.stream(args).filter(a -> a.startsWith("--"))
        .collect(Collectors.groupingBy(OptionParsing::name, LinkedHashMap::new,
            Collectors.mapping(OptionParsing::value, Collectors.toList())));
    for (var option : given.entrySet()) {
      boolean list = getter(option.getKey()).map(g -> isList(g.getReturnType())).orElse(false);
      if (option.getValue().size() > 1 && !list) {
        return "--" + option.getKey() + " is given " + option.getValue().size() + " times ("
            + String.join(", ", option.getValue()) + "): give it once";
      }
    }
    return Failures.oneLine(whole);
  }

  private static String explain(String arg, IllegalArgumentException e) {
    if (!arg.startsWith("--") || arg.startsWith("--=")) {
      return Failures.oneLine(e); // Beam's own message quotes the argument
    }
    String option = "--" + name(arg);
    String message = String.valueOf(e.getMessage());
    Optional<Method> getter = getter(name(arg));
    if (getter.isEmpty() && message.contains("missing a property named")) {
      Matcher close = DID_YOU_MEAN.matcher(message);
      return option + ": no such option" + (close.find() ? " (did you mean --" + close.group(1)
          + "?)" : "") + "; --help lists every option";
    }
    if (getter.isEmpty()) {
      return option + ": " + Failures.oneLine(e);
    }
    Class<?> type = getter.get().getReturnType();
    Matcher runners = RUNNERS.matcher(message);
    if (type == Class.class && runners.find()) {
      return option + ": '" + value(arg) + "' is not a runner here (supported: "
          + runners.group(1) + ")";
    }
    if (!(e.getCause() instanceof JsonMappingException)
        && !message.startsWith("Empty argument value")) {
      return option + ": " + Failures.oneLine(e);
    }
    String expected = expected(type, getter.get().getGenericReturnType());
    if (!arg.contains("=")) {
      return option + " needs a value (" + expected + "): write " + option + "=VALUE";
    }
    String value = value(arg);
    if (isWhole(type) && value.strip().matches("[-+]?\\d+")) {
      return option + ": '" + value + "' is out of range (" + range(type) + ")";
    }
    return option + ": '" + value + "' is not " + expected;
  }

  /** What a value of the option's type is, in words. */
  private static String expected(Class<?> type, Type generic) {
    if (isWhole(type)) {
      return "a whole number";
    }
    if (List.of(float.class, Float.class, double.class, Double.class).contains(type)) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
          .collect(Collectors.joining(", "));
    }
    if (type.isArray()) {
      return "a comma-separated list, each " + expected(type.getComponentType(),
          type.getComponentType());
    }
    if (Collection.class.isAssignableFrom(type) && generic instanceof ParameterizedType p
        && p.getActualTypeArguments()[0] instanceof Class<?> element) {
      return "a comma-separated list, each " + expected(element, element);
    }
    return "a " + type.getSimpleName() + " (JSON for structured values)";
  }

  private static boolean isWhole(Class<?> type) {
    return List.of(int.class, Integer.class, long.class, Long.class, short.class, Short.class,
        byte.class, Byte.class).contains(type);
  }

  private static String range(Class<?> type) {
    if (type == long.class || type == Long.class) {
      return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
    }
    if (type == short.class || type == Short.class) {
      return "a whole number from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE;
    }
    if (type == byte.class || type == Byte.class) {
      return "a whole number from " + Byte.MIN_VALUE + " to " + Byte.MAX_VALUE;
    }
    return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
  }

  private static boolean isList(Class<?> type) {
    return type.isArray() || Collection.class.isAssignableFrom(type);
  }

  /** The option's getter in any registered options interface (ours included). */
  private static Optional<Method> getter(String property) {
    for (Class<? extends PipelineOptions> options : PipelineOptionsFactory
        .getRegisteredOptions()) {
      for (Method m : options.getMethods()) {
        String n = m.getName();
        int prefix = n.startsWith("get") ? 3 : n.startsWith("is") ? 2 : 0;
        if (prefix > 0 && m.getParameterCount() == 0 && n.length() > prefix
            && Introspector.decapitalize(n.substring(prefix)).equals(property)) {
          return Optional.of(m);
        }
      }
    }
    return Optional.empty();
  }

  private static String name(String arg) {
    int eq = arg.indexOf('=');
    return arg.substring(2, eq < 0 ? arg.length() : eq);
  }

  /** The value as given; Beam reads a bare --name as "true". */
  private static String value(String arg) {
    int eq = arg.indexOf('=');
    return eq < 0 ? "true" : arg.substring(eq + 1);
  }
}
