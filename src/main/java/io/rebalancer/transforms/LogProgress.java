package io.rebalancer.transforms;

import io.rebalancer.logging.RunProgress;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.PCollection;

/**
 * Logs a stage's progress line once its output is complete: how many units it made (accounts,
 * orders, rows) and the time since the run started. A global sum fires when its input is
 * complete, which in a batch job is when the stage has finished, on any runner; the line is
 * logged where that sum lands (the launcher's console on the Direct runner and embedded Flink, a
 * TaskManager's log on a cluster). It costs a combine per stage: each bundle adds its units, and
 * one small sum per bundle travels.
 *
 * <p>The output is the total, for tests and for stages that wait on it.
 */
public final class LogProgress<T> extends PTransform<PCollection<T>, PCollection<Long>> {
  private final RunProgress progress;
  private final String what;
  private final SerializableFunction<T, Long> units;
  private final List<PCollection<?>> after;

  private LogProgress(RunProgress progress, String what, SerializableFunction<T, Long> units,
      List<PCollection<?>> after) {
    this.progress = progress;
    this.what = what;
    this.units = units;
    this.after = after;
  }

  /**
   * @param what the line, with {@code %d} for the total: "%d accounts analysed"
   * @param units how many units an element counts for
   */
  public static <T> LogProgress<T> of(RunProgress progress, String what,
      SerializableFunction<T, Long> units) {
    return new LogProgress<>(progress, what, units, List.of());
  }

  /** The line waits until signal is complete too (a file written from the counted elements). */
  public LogProgress<T> after(PCollection<?> signal) {
    List<PCollection<?>> signals = new ArrayList<>(after);
    signals.add(signal);
    return new LogProgress<>(progress, what, units, signals);
  }

  @Override
  public PCollection<Long> expand(PCollection<T> stage) {
    PCollection<Long> total = stage.apply("Total", Combine.globally(new SumUnits<>(units)));
    if (!after.isEmpty()) {
      total = total.apply("WhenWritten", Wait.on(after.toArray(new PCollection<?>[0])));
    }
    return total.apply("Log", ParDo.of(new LogLine(progress, what)));
  }

  /** Units summed in a long: the accumulator is the running total. */
  static final class SumUnits<T> extends Combine.CombineFn<T, Long, Long> {
    private final SerializableFunction<T, Long> units;

    SumUnits(SerializableFunction<T, Long> units) {
      this.units = units;
    }

    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long addInput(Long total, T element) {
      return total + units.apply(element);
    }

    @Override
    public Long mergeAccumulators(Iterable<Long> totals) {
      long sum = 0;
      for (long t : totals) {
        sum += t;
      }
      return sum;
    }

    @Override
    public Long extractOutput(Long total) {
      return total;
    }

    @Override
    public Coder<Long> getAccumulatorCoder(CoderRegistry registry, Coder<T> inputCoder) {
      return VarLongCoder.of();
    }

    @Override
    public Coder<Long> getDefaultOutputCoder(CoderRegistry registry, Coder<T> inputCoder) {
      return VarLongCoder.of();
    }
  }

  static final class LogLine extends DoFn<Long, Long> {
    private final RunProgress progress;
    private final String what;

    LogLine(RunProgress progress, String what) {
      this.progress = progress;
      this.what = what;
    }

    @ProcessElement
    public void process(@Element Long total, OutputReceiver<Long> out) {
      progress.log(String.format(what, total));
      out.output(total);
    }
  }
}
