package org.strowger.sip.shell;

import org.strowger.channel.shell.text.TextTable;
import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.strowger.sip.DialogInfo;
import org.strowger.sip.SipAdmin;

@Command(scope = "sip", name = "dialogs", description = "Lists the live SIP INVITE dialogs with their channels and media.")
@Service
public class DialogsCommand implements Action {

    @Reference
    SipAdmin sip;

    @Override
    public Object execute() {
        print(System.out, sip.dialogs());
        return null;
    }

    static void print(PrintStream out, List<DialogInfo> dialogs) {
        TextTable table = new TextTable("Call-ID", "Endpoint", "Dir", "State", "Channel", "Remote", "Media", "Hold");
        for (DialogInfo d : dialogs) {
            table.row(d.callId(), d.endpoint(), d.direction(), d.state(), d.channel().isEmpty() ? "-" : d.channel(),
                    d.remote(), d.media(), d.onHold() ? "yes" : "");
        }
        out.print(table.render());
        out.println(dialogs.size() + " active SIP dialog" + (dialogs.size() == 1 ? "" : "s"));
        out.flush();
    }
}
