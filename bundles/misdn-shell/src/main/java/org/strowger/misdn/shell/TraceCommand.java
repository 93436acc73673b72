package org.strowger.misdn.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.strowger.misdn.MisdnAdmin;

@Command(scope = "misdn", name = "trace",
        description = "Turns logging of every Q.931 message on a port on or off"
                + " (logger org.strowger.misdn.trace; see log:tail).")
@Service
public class TraceCommand implements Action {

    @Reference
    MisdnAdmin misdn;

    @Argument(index = 0, name = "port", required = true, description = "Port number (see misdn:ports)")
    int port;

    @Argument(index = 1, name = "on|off", required = true, description = "on or off")
    String state;

    @Override
    public Object execute() {
        run(System.out, misdn, port, state);
        return null;
    }

    static void run(PrintStream out, MisdnAdmin misdn, int port, String state) {
        boolean on = TwoWay.parse(state, "on", "off");
        if (!misdn.available()) {
            throw new IllegalStateException(misdn.unavailableReason());
        }
        if (!misdn.trace(port, on)) {
            throw new IllegalArgumentException("no mISDN port " + port + " (see misdn:ports)");
        }
        out.println("Q.931 trace for port " + port + " is " + (on ? "on" : "off"));
        out.flush();
    }
}
