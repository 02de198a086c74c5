package io.rebalancer.e2e;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.Location;
import com.sun.jdi.Method;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.IllegalConnectorArgumentsException;
import com.sun.jdi.connect.ListeningConnector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Holds a launched JVM at one method entry, as a debugger would, so that the harness can kill it
 * there: the JVM connects back to this listener at its start (JDWP, suspended until the
 * breakpoint is set) and runs on until the hit; then every thread stays stopped until the kill.
 */
final class Breakpoint {
  private final KillPoint.AtBreakpoint where;
  private final ListeningConnector connector;
  private final Map<String, Connector.Argument> arguments;
  private final String address;
  private int hits;

  private Breakpoint(KillPoint.AtBreakpoint where, ListeningConnector connector,
      Map<String, Connector.Argument> arguments, String address) {
    this.where = where;
    this.connector = connector;
    this.arguments = arguments;
    this.address = address;
  }

  /** Listens on a free port of 127.0.0.1 for the JVM to be launched. */
  static Breakpoint listen(KillPoint.AtBreakpoint where) throws IOException {
    ListeningConnector c = Bootstrap.virtualMachineManager().listeningConnectors().stream()
        .filter(l -> l.transport().name().equals("dt_socket")).findFirst().orElseThrow();
    Map<String, Connector.Argument> args = c.defaultArguments();
    args.get("localAddress").setValue("127.0.0.1");
    args.get("port").setValue("0");
    args.get("timeout").setValue(String.valueOf(Launcher.TIMEOUT.toMillis()));
    try {
      return new Breakpoint(where, c, args, c.startListening(args));
    } catch (IllegalConnectorArgumentsException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JVM option that makes the launched JVM connect here, suspended. */
  String javaOption() {
    return "-agentlib:jdwp=transport=dt_socket,server=n,suspend=y,address=" + address;
  }

  /**
   * Waits for the JVM, sets the breakpoint and lets it run; calls atHit with a description of
   * where it stopped, the JVM held there. Returns when the JVM has stopped or ended.
   */
  void run(Consumer<String> atHit) {
    VirtualMachine vm;
    try {
      vm = connector.accept(arguments);
    } catch (IOException | IllegalConnectorArgumentsException e) {
      return; // the JVM never connected (killed before it started, or it failed at its start)
    } finally {
      stopListening();
    }
    try {
      ClassPrepareRequest prepared = vm.eventRequestManager().createClassPrepareRequest();
      prepared.addClassFilter(where.className());
      prepared.setSuspendPolicy(EventRequest.SUSPEND_ALL);
      prepared.enable();
      vm.classesByName(where.className()).forEach(t -> arm(vm, t));
      while (true) {
        EventSet events = vm.eventQueue().remove();
        for (Event e : events) {
          if (e instanceof ClassPrepareEvent p) {
            arm(vm, p.referenceType());
          } else if (e instanceof BreakpointEvent b && calledFromCallers(b.thread())
              && ++hits == where.hit()) {
            atHit.accept("stopped in " + describe(b.location()));
            return; // the whole JVM stays suspended: the kill comes next
          } else if (e instanceof VMDeathEvent || e instanceof VMDisconnectEvent) {
            return;
          }
        }
        events.resume();
      }
    } catch (VMDisconnectedException | InterruptedException e) {
      // the JVM ended or was killed
    }
  }

  /** Stops waiting for a JVM that will not come (its launch failed or it was killed early). */
  void stopListening() {
    try {
      connector.stopListening(arguments);
    } catch (IOException | IllegalConnectorArgumentsException | RuntimeException e) {
      // not listening any more
    }
  }

  private void arm(VirtualMachine vm, ReferenceType type) {
    for (Method m : type.methodsByName(where.method())) {
      if (m.isAbstract() || m.isNative()
          || (where.args() >= 0 && m.argumentTypeNames().size() != where.args())) {
        continue;
      }
      BreakpointRequest r = vm.eventRequestManager().createBreakpointRequest(m.location());
      r.setSuspendPolicy(EventRequest.SUSPEND_ALL);
      r.enable();
    }
  }

  private boolean calledFromCallers(ThreadReference thread) {
    try {
      List<String> callers = where.callers();
      if (thread.frameCount() <= callers.size()) {
        return false;
      }
      for (int i = 0; i < callers.size(); i++) {
        Location l = thread.frame(i + 1).location();
        if (!(l.declaringType().name() + "." + l.method().name()).equals(callers.get(i))) {
          return false;
        }
      }
      return true;
    } catch (IncompatibleThreadStateException e) {
      return false;
    }
  }

  private String describe(Location l) {
    String type = l.declaringType().name();
    return type.substring(type.lastIndexOf('.') + 1) + "." + l.method().name()
        + (where.hit() > 1 ? " (hit " + where.hit() + ")" : "");
  }
}
