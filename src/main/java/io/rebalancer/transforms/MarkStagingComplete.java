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
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * The pipeline's last step: once every given output is complete (the merged trade orders, the
 * staged warehouse files), writes the staging area's completion marker. A detached job has no
 * client waiting for it, so the marker is how the publish step, run later by a person, knows
 * the job finished rather than still running or failed.
 */
public final class MarkStagingComplete extends PTransform<PBegin, PCollection<String>> {
  private final StagingArea staging;
  private final List<PCollection<?>> outputs;

  private MarkStagingComplete(StagingArea staging, List<PCollection<?>> outputs) {
    this.staging = staging;
    this.outputs = outputs;
  }

  public static MarkStagingComplete after(StagingArea staging, PCollection<?>... outputs) {
    return new MarkStagingComplete(staging, List.of(outputs));
  }

  @Override
  public PCollection<String> expand(PBegin begin) {
    return begin.apply("Marker", Create.of(staging.completionMarker().toString()))
        .apply("WaitForOutputs", Wait.on(outputs))
        .apply("WriteMarker", ParDo.of(new WriteMarker()));
  }

  private static final class WriteMarker extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element String marker, OutputReceiver<String> out) {
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
