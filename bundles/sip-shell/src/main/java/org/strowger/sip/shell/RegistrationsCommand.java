package org.strowger.sip.shell;

import org.strowger.channel.shell.text.TextTable;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.strowger.sip.RegistrationInfo;
import org.strowger.sip.SipAdmin;

@Command(scope = "sip", name = "registrations", description = "Lists the current SIP registrations (contact bindings).")
@Service
public class RegistrationsCommand implements Action {

    @Reference
    SipAdmin sip;

    @Override
    public Object execute() {
        print(System.out, sip.registrations(), Instant.now());
        return null;
    }

    static void print(PrintStream out, List<RegistrationInfo> registrations, Instant now) {
        TextTable table = new TextTable("Endpoint", "Contact", "Source", "Expires in", "User-Agent");
        for (RegistrationInfo r : registrations) {
            long seconds = Math.max(0, Duration.between(now, r.expiresAt()).getSeconds());
            table.row(r.endpoint(), r.contact(), r.source(), seconds + " s", r.userAgent());
        }
        out.print(table.render());
        out.println(registrations.size() + " registration" + (registrations.size() == 1 ? "" : "s"));
        out.flush();
    }
}
