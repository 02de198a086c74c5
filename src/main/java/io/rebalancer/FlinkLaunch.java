package io.rebalancer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.flink.api.java.ExecutionEnvironment;
import org.apache.flink.configuration.DeploymentOptions;

/**
 * What {@link RunCommand} needs to know of the Flink process around it. Every Flink class is
 * named here alone, and only once {@link #flinkPresent()} said Flink is on the class path: the
 * bundled jar carries no Flink (the cluster has it), and nor does a Direct-runner class path.
 */
final class FlinkLaunch {
  private FlinkLaunch() {}

  /** Who called main. */
  enum Caller {
    /** A launcher, exec:java or `java -jar`: main owns the JVM and exits with its status. */
    PLAIN,
    /** `flink run` (Flink's CliFrontend) waiting for the job: this JVM can publish. */
    FLINK_CLIENT_ATTACHED,
    /**
     * `flink run -d`, or the REST API / web UI (/jars/ID/run), which runs main inside the
     * JobManager: no one waits for the job here, so the outputs stay staged for the publish step.
     */
    FLINK_CLIENT_DETACHED;

    boolean isFlinkClient() {
      return this != PLAIN;
    }
  }

  /**
   * Flink's client (CliFrontend, and the JobManager's jar handlers) installs a context
   * environment before it calls a program's main, so that the program's job goes to its
   * cluster; with none installed, Flink allows explicit environments. The context's
   * configuration says whether the submission waits for the job (`execution.attached`).
   */
  static Caller caller() {
    if (!flinkPresent() || ExecutionEnvironment.areExplicitEnvironmentsAllowed()) {
      return Caller.PLAIN;
    }
    boolean attached = ExecutionEnvironment.getExecutionEnvironment().getConfiguration()
        .get(DeploymentOptions.ATTACHED);
    return attached ? Caller.FLINK_CLIENT_ATTACHED : Caller.FLINK_CLIENT_DETACHED;
  }

  /**
   * A detached submission has no job result to wait for: Beam's FlinkRunner in attached mode
   * asks for one (and its accumulators), which Flink refuses with "Job was submitted in detached
   * mode". Detached, the runner submits the job and returns at once.
   */
  static void detach(PipelineOptions options) {
    options.as(FlinkPipelineOptions.class).setAttachedMode(false);
  }

  /**
   * `mvn exec:java` runs main in Maven's JVM, whose system class loader is Maven's launcher and
   * sees no Flink. Flink's mini cluster gives a job with no jars nor class path that system
   * loader (its library cache's rule), and the job fails on its first class
   * (ClassNotFoundException: org.apache.flink.api.common.ExecutionConfig). Naming this
   * project's classes as the job's class path, resolved parent-first, makes the job load every
   * class from the loader that loaded Flink itself. A launcher's plain JVM needs none of this,
   * and a --flinkConfDir of the user's is left as it is.
   */
  static void prepareEmbedded(PipelineOptions options) {
    if (!flinkPresent()) {
      return; // the bundled jar outside a cluster: Beam's FlinkRunner says what is missing
    }
    FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
    if (!"[local]".equals(flink.getFlinkMaster()) || flink.getFlinkConfDir() != null
        || visibleToSystemLoader("org.apache.flink.api.common.ExecutionConfig")) {
      return;
    }
    try {
      Path dir = Files.createTempDirectory("rebalancer-flink-conf");
      Path conf = dir.resolve("flink-conf.yaml");
      Files.writeString(conf, "pipeline.classpaths: "
          + RunCommand.class.getProtectionDomain().getCodeSource().getLocation() + "\n"
          + "classloader.resolve-order: parent-first\n");
      dir.toFile().deleteOnExit();
      conf.toFile().deleteOnExit();
      flink.setFlinkConfDir(dir.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a Flink configuration for the embedded"
          + " cluster in the temporary folder", e);
    }
  }

  static boolean flinkPresent() {
    try {
      Class.forName("org.apache.flink.api.java.ExecutionEnvironment", false,
          FlinkLaunch.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static boolean visibleToSystemLoader(String className) {
    try {
      Class.forName(className, false, ClassLoader.getSystemClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
