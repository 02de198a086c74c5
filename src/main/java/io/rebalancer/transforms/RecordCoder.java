package io.rebalancer.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * A coder for a Java record, built from its components: each is encoded in declaration order with
 * the coder of its type (strings, exact decimals, dates, numbers, enums, lists, nested records),
 * reference types behind a one-byte null marker. Compact and deterministic (no Java
 * serialization), so records can be GroupByKey keys; the domain core stays free of Beam.
 */
public final class RecordCoder<T extends Record> extends CustomCoder<T> {
  private final Class<T> type;
  private final List<Coder<Object>> components;
  /**
   * The record's accessors and canonical constructor, bound on first use. One immutable value
   * behind a volatile field: a thread that sees it sees both handles complete, where two plain
   * fields could be seen half-set by a second thread sharing the coder.
   */
  private transient volatile Handles handles;

  private record Handles(MethodHandle[] accessors, MethodHandle constructor) {}

  private static final MethodType ACCESSOR = MethodType.methodType(Object.class, Object.class);
  private static final MethodType CONSTRUCTOR =
      MethodType.methodType(Object.class, Object[].class);

  private RecordCoder(Class<T> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type + " is not a record");
    }
    this.type = type;
    List<Coder<Object>> coders = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      coders.add(coderFor(c.getGenericType()));
    }
    this.components = coders;
  }

  public static <T extends Record> RecordCoder<T> of(Class<T> type) {
    return new RecordCoder<>(type);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Coder<Object> coderFor(Type t) {
    if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
      return (Coder) NullableCoder.of(ListCoder.of(coderFor(p.getActualTypeArguments()[0])));
    }
    if (!(t instanceof Class<?> c)) {
      throw new IllegalArgumentException("no coder for record component type " + t.getTypeName());
    }
    Coder<?> coder;
    if (c == String.class) {
      coder = NullableCoder.of(StringUtf8Coder.of());
    } else if (c == BigDecimal.class) {
      coder = NullableCoder.of(DecimalCoder.INSTANCE);
    } else if (c == LocalDate.class) {
      coder = NullableCoder.of(LocalDateCoder.INSTANCE);
    } else if (c == LocalTime.class) {
      coder = NullableCoder.of(LocalTimeCoder.INSTANCE);
    } else if (c == long.class) {
      coder = VarLongCoder.of();
    } else if (c == Long.class) {
      coder = NullableCoder.of(VarLongCoder.of());
    } else if (c == int.class) {
      coder = VarIntCoder.of();
    } else if (c == Integer.class) {
      coder = NullableCoder.of(VarIntCoder.of());
    } else if (c == double.class) {
      coder = DoubleCoder.of();
    } else if (c == Double.class) {
      coder = NullableCoder.of(DoubleCoder.of());
    } else if (c == boolean.class || c == Boolean.class) {
      coder = c.isPrimitive() ? BooleanCoder.of() : NullableCoder.of(BooleanCoder.of());
    } else if (c.isEnum()) {
      coder = NullableCoder.of(EnumCoder.of((Class<? extends Enum>) c));
    } else if (c.isRecord()) {
      coder = NullableCoder.of(RecordCoder.of((Class<? extends Record>) c));
    } else {
      throw new IllegalArgumentException("no coder for record component type " + c.getName());
    }
    return (Coder<Object>) coder;
  }

  private Handles bind() {
    Handles h = handles;
    if (h != null) {
      return h;
    }
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      RecordComponent[] rc = type.getRecordComponents();
      MethodHandle[] acc = new MethodHandle[rc.length];
      // Typed (Object)Object once, so each call is an invokeExact with no adaptation.
      for (int i = 0; i < rc.length; i++) {
        acc[i] = lookup.unreflect(rc[i].getAccessor()).asType(ACCESSOR);
      }
      Class<?>[] params = Arrays.stream(rc).map(RecordComponent::getType).toArray(Class<?>[]::new);
      Constructor<T> ctor = type.getDeclaredConstructor(params);
      h = new Handles(acc, lookup.unreflectConstructor(ctor)
          .asSpreader(Object[].class, rc.length).asType(CONSTRUCTOR));
      handles = h; // two threads may both bind; either result is complete and equivalent
      return h;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("record " + type.getName() + " must be public", e);
    }
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    MethodHandle[] accessors = bind().accessors();
    try {
      for (int i = 0; i < accessors.length; i++) {
        components.get(i).encode((Object) accessors[i].invokeExact((Object) value), out);
      }
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public T decode(InputStream in) throws IOException {
    MethodHandle constructor = bind().constructor();
    Object[] args = new Object[components.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = components.get(i).decode(in);
    }
    try {
      return type.cast((Object) constructor.invokeExact(args));
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of();
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    for (Coder<Object> c : components) {
      verifyDeterministic(this, type.getSimpleName() + " has a non-deterministic component", c);
    }
  }

  @Override
  public boolean consistentWithEquals() {
    return false; // BigDecimal 1.0 and 1.00 encode differently yet records compare them unequal too
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordCoder<?> other && other.type.equals(type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public String toString() {
    return "RecordCoder(" + type.getSimpleName() + ")";
  }
}
