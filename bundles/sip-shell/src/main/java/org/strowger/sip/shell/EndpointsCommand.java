package org.strowger.sip.shell;

import org.strowger.channel.shell.text.TextTable;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.strowger.sip.EndpointStatus;
import org.strowger.sip.SipAdmin;

@Command(scope = "sip", name = "endpoints",
        description = "Lists the SIP endpoints: kind, context, contact, qualify status and round-trip time.")
@Service
public class EndpointsCommand implements Action {

    @Reference
    SipAdmin sip;

    @Override
    public Object execute() {
        print(System.out, sip.endpoints(), sip.listeningPoints());
        return null;
    }

    static void print(PrintStream out, List<EndpointStatus> endpoints, List<String> listening) {
        TextTable table = new TextTable("Endpoint", "Kind", "Auth", "Context", "Contact", "Status", "RTT", "Trace");
        for (EndpointStatus e : endpoints) {
            table.row(e.name(), e.kind().toString().toLowerCase(Locale.ROOT), e.authenticated() ? "digest" : "address",
                    e.context(), e.contact().orElse("-"), e.reachability().toString().toLowerCase(Locale.ROOT),
                    e.roundTripMillis() < 0 ? "-" : e.roundTripMillis() + " ms", e.tracing() ? "on" : "off");
        }
        out.print(table.render());
        out.println(endpoints.size() + " endpoint" + (endpoints.size() == 1 ? "" : "s") + "; listening on "
                + String.join(", ", listening));
        out.flush();
    }
}
