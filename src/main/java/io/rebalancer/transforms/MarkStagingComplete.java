package io.rebalancer.transforms;

import io.rebalancer.io.FullDisk;
import io.rebalancer.io.StagingArea;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The pipeline's last step: once every given output is complete (the merged trade orders, the
 * staged warehouse files), writes the staging area's completion marker. A detached job has no
 * client waiting for it, so the marker is how the publish step, run later by a person, knows
 * the job finished rather than still running or failed.
 *
 * <p>Before the marker, it removes every staged table file this attempt of the job did not
 * write. Flink may restart a job whose first attempt had already renamed its table files into
 * place, and the writer names a table's files by their count ({@code -part-00001-of-00003}),
 * which follows the bundles and so differs between attempts: the publisher, which loads every
 * {@code <table>-part-*.csv}, would load the first attempt's rows as well.
 */
public final class MarkStagingComplete extends PTransform<PBegin, PCollection<String>> {
  private final StagingArea staging;
  private final PCollection<String> ordersFile;
  private final PCollection<KV<String, String>> tableFiles;

  private MarkStagingComplete(StagingArea staging, PCollection<String> ordersFile,
      PCollection<KV<String, String>> tableFiles) {
    this.staging = staging;
    this.ordersFile = ordersFile;
    this.tableFiles = tableFiles;
  }

  /** After the merged trade orders and the staged table files (table, file) are written. */
  public static MarkStagingComplete after(StagingArea staging, PCollection<String> ordersFile,
      PCollection<KV<String, String>> tableFiles) {
    return new MarkStagingComplete(staging, ordersFile, tableFiles);
  }

  @Override
  public PCollection<String> expand(PBegin begin) {
    PCollectionView<List<String>> written = tableFiles.apply("TableFileNames", Values.create())
        .apply("ListTableFiles", View.asList());
    return begin.apply("Marker", Create.of(staging.completionMarker().toString()))
        .apply("WaitForOutputs", Wait.on(ordersFile, tableFiles))
        .apply("WriteMarker", ParDo.of(new WriteMarker(staging, written))
            .withSideInputs(written));
  }

  private static final class WriteMarker extends DoFn<String, String> {
    private final StagingArea staging;
    private final PCollectionView<List<String>> written;

    WriteMarker(StagingArea staging, PCollectionView<List<String>> written) {
      this.staging = staging;
      this.written = written;
    }

    @ProcessElement
    public void process(@Element String marker, OutputReceiver<String> out, ProcessContext c) {
      staging.keepOnlyTableFiles(c.sideInput(written).stream().map(Path::of).toList());
      try {
        Files.writeString(Path.of(marker), "complete " + Instant.now() + "\n");
      } catch (IOException e) {
        FullDisk.ofStagedFile(e, Path.of(marker), "the staging's completion marker");
        throw new UncheckedIOException("cannot write " + marker, e);
      }
      out.output(marker);
    }
  }
}
