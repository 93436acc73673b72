package org.strowger.misdn.shell;

import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.strowger.misdn.MisdnAdmin;

@Command(scope = "misdn", name = "cable",
        description = "Simulated card only: pulls or plugs back in the cable of a port's pair"
                + " (calls on it end with cause 38), to try what a line failure does.")
@Service
public class CableCommand implements Action {

    @Reference
    MisdnAdmin misdn;

    @Argument(index = 0, name = "port", required = true, description = "Port number (see misdn:ports)")
    int port;

    @Argument(index = 1, name = "unplug|plug", required = true, description = "unplug or plug")
    String state;

    @Override
    public Object execute() {
        run(System.out, misdn, port, state);
        return null;
    }

    static void run(PrintStream out, MisdnAdmin misdn, int port, String state) {
        boolean plugged = TwoWay.parse(state, "plug", "unplug");
        if (!misdn.available()) {
            throw new IllegalStateException(misdn.unavailableReason());
        }
        if (!misdn.simulateCable(port, plugged)) {
            throw new IllegalArgumentException("no mISDN port " + port + " (see misdn:ports)");
        }
        out.println("Cable of port " + port + (plugged ? " plugged back in" : " pulled"));
        out.flush();
    }
}
