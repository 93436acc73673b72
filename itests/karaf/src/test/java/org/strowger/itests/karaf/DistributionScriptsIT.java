package org.strowger.itests.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * The distribution as an operator meets it: unpacked from the tar.gz, started with
 * {@code bin/start}, commanded with {@code bin/strowger} from a script without a terminal,
 * stopped with {@code bin/stop}. Also checks that it is secure by default.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class DistributionScriptsIT {

    private static final Pattern LOCAL_ACCOUNT = Pattern.compile("(?m)^strowger = ([0-9a-f]{48}),_g_:admingroup$");

    private static InstalledDistribution strowger;
    private static String shippedUsers;

    @BeforeClass
    public static void unpackAndStart() throws Exception {
        strowger = InstalledDistribution.unpack(StrowgerArtifacts.distributionTarGz(),
                Path.of("target/scripts-it/strowger").toAbsolutePath());
        shippedUsers = Files.readString(strowger.home().resolve("etc/users.properties"));
        InstalledDistribution.Result start = strowger.script(60, "start");
        assertEquals(start.toString(), 0, start.exitCode());
    }

    @AfterClass
    public static void stop() throws Exception {
        if (strowger != null) {
            strowger.close();
        }
    }

    @Test
    public void a_versionCommandRunsFromAScriptWithoutATerminal() throws Exception {
        InstalledDistribution.Result version = strowger.script(180, "strowger", "-w", "120", "strowger:version");

        assertEquals(version.toString(), 0, version.exitCode());
        assertTrue(version.toString(), version.stdout().startsWith("Strowger " + StrowgerArtifacts.version()));
        assertTrue(version.toString(), Pattern.compile("(?m)^\\d+ channel technolog(y|ies) registered$")
                .matcher(version.stdout()).find());
        assertTrue(version.toString(), version.stdout().contains("Local"));
    }

    @Test
    public void b_aFailingCommandGivesANonZeroExitStatus() throws Exception {
        InstalledDistribution.Result unknown = strowger.script(60, "strowger", "no-such:command");

        assertEquals(unknown.toString(), 1, unknown.exitCode());
    }

    @Test
    public void c_consoleShowsTheStrowgerBundlesActive() throws Exception {
        // components may still be starting a moment after the console answers
        InstalledDistribution.Result list = strowger.script(60, "strowger", "bundle:list -s");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (list.stdout().contains("Waiting") && System.nanoTime() < deadline) {
            Thread.sleep(500);
            list = strowger.script(60, "strowger", "bundle:list -s");
        }

        assertEquals(list.toString(), 0, list.exitCode());
        for (String bundle : List.of("strowger-channel-api", "strowger-channel-core", "strowger-channel-shell",
                "strowger-pbx-api", "strowger-pbx", "strowger-pbx-shell")) {
            assertTrue(list.stdout(), Pattern.compile("(?m)\\| Active\\s.*\\| " + bundle + "$").matcher(list.stdout()).find());
        }
    }

    @Test
    public void d_noWellKnownAccountShipsAndTheLocalOneIsPrivate() throws Exception {
        assertFalse(shippedUsers, LOCAL_ACCOUNT.matcher(shippedUsers).find());
        assertFalse(shippedUsers, Pattern.compile("(?m)^\\s*karaf\\s*=").matcher(shippedUsers).find());

        Path users = strowger.home().resolve("etc/users.properties");
        String created = Files.readString(users);
        assertTrue(created, LOCAL_ACCOUNT.matcher(created).find());
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(users));
    }

    @Test
    public void e_theConsoleListensOnLoopbackOnlyWithoutSftp() throws Exception {
        List<String> addresses = strowger.listeningAddresses(strowger.sshPort());

        assertFalse("nothing listens on " + strowger.sshPort(), addresses.isEmpty());
        for (String address : addresses) {
            assertTrue("listening on " + address, address.equals("0100007F")
                    || address.equals("0000000000000000FFFF00000100007F")
                    || address.equals("00000000000000000000000001000000"));
        }
        String shellCfg = Files.readString(strowger.home().resolve("etc/org.apache.karaf.shell.cfg"));
        assertTrue(shellCfg, shellCfg.contains("sftpEnabled = false"));
    }

    @Test
    public void f_startupLogNamesTheVersionAndTheDrivers() throws Exception {
        String expected = "Strowger " + StrowgerArtifacts.version() + " running; active channel technologies: ";
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!strowger.log().contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue("no startup line in data/log/karaf.log", strowger.log().contains(expected));
    }

    @Test
    public void g_whenStoppedTheScriptSaysSoWithItsOwnExitStatus() throws Exception {
        strowger.close();

        InstalledDistribution.Result notRunning = strowger.script(30, "strowger", "-w", "0", "strowger:version");

        assertEquals(notRunning.toString(), 3, notRunning.exitCode());
        assertTrue(notRunning.toString(), notRunning.stderr().contains("Strowger is not running"));
    }
}
