package io.rebalancer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.rebalancer.core.InputException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The one line a failed run prints, from what the runner threw. */
class FailuresTest {
  private static final String RERUN = "; nothing was published: run it again, on a cluster that"
      + " restarts failed jobs (runners/flink-cluster.sh start --restart-attempts=N)";

  /** Flink's client wraps the JobManager's verdict; Beam's FlinkRunner wraps Flink's. */
  private static RuntimeException flinkJobFailure(Throwable cause) {
    return new RuntimeException("Pipeline execution failed", new Exception(
        "org.apache.flink.runtime.client.JobExecutionException: Job execution failed.",
        new Exception("Recovery is suppressed by NoRestartBackoffTimeStrategy", cause)));
  }

  @Test
  void aTaskManagerTheJobManagerStoppedHearingFromIsALostTaskManager() {
    RuntimeException e = flinkJobFailure(new TimeoutException(
        "Heartbeat of TaskManager with id taskmanager-1 timed out."));
    assertThat(Failures.oneLine(e), is("the Flink job failed because a TaskManager was lost"
        + " (Heartbeat of TaskManager with id taskmanager-1 timed out.)" + RERUN));
  }

  @Test
  void aConnectionClosedByARemoteTaskManagerIsALostTaskManager() {
    RuntimeException e = flinkJobFailure(new RuntimeException("Connection unexpectedly closed"
        + " by remote task manager '127.0.0.1/127.0.0.1:41235 [taskmanager-2]'. This might"
        + " indicate that the remote task manager was lost.\n\tat ..."));
    assertThat(Failures.oneLine(e), is("the Flink job failed because a TaskManager was lost"
        + " (Connection unexpectedly closed by remote task manager '127.0.0.1/127.0.0.1:41235"
        + " [taskmanager-2]'. This might indicate that the remote task manager was lost.)"
        + RERUN));
  }

  @Test
  void anyOtherJobFailureIsItsRootCause() {
    RuntimeException e = flinkJobFailure(new IllegalStateException("disk full"));
    assertThat(Failures.oneLine(e), is("IllegalStateException: disk full"));
  }

  @Test
  void anInputErrorWinsOverALostTaskManager() {
    RuntimeException e = flinkJobFailure(new InputException("accounts.csv line 3: no account_id",
        new TimeoutException("Heartbeat of TaskManager with id taskmanager-1 timed out.")));
    assertThat(Failures.oneLine(e), is("accounts.csv line 3: no account_id"));
  }
}
