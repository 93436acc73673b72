package org.strowger.sip.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.strowger.sip.SipAdmin;

@Command(scope = "sip", name = "trace",
        description = "Turns logging of every SIP message to and from an endpoint on or off"
                + " (logger org.strowger.sip.trace; see log:tail).")
@Service
public class TraceCommand implements Action {

    @Reference
    SipAdmin sip;

    @Argument(index = 0, name = "endpoint", required = true, description = "Endpoint name")
    @org.apache.karaf.shell.api.action.Completion(EndpointCompleter.class)
    String endpoint;

    @Argument(index = 1, name = "on|off", required = true, description = "on or off")
    String state;

    @Override
    public Object execute() throws Exception {
        boolean on;
        if ("on".equalsIgnoreCase(state)) {
            on = true;
        } else if ("off".equalsIgnoreCase(state)) {
            on = false;
        } else {
            throw new IllegalArgumentException("say 'on' or 'off', not '" + state + "'");
        }
        if (!sip.trace(endpoint, on)) {
            throw new IllegalArgumentException("no SIP endpoint named '" + endpoint + "' (see sip:endpoints)");
        }
        System.out.println("SIP trace for " + endpoint + " is " + (on ? "on" : "off"));
        return null;
    }

    /** Completes endpoint names. */
    @Service
    public static class EndpointCompleter implements Completer {
        @Reference
        SipAdmin sip;

        @Override
        public int complete(Session session, CommandLine commandLine, java.util.List<String> candidates) {
            StringsCompleter names = new StringsCompleter();
            sip.endpoints().forEach(e -> names.getStrings().add(e.name()));
            return names.complete(session, commandLine, candidates);
        }
    }
}
