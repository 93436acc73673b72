package org.strowger.sip.internal.endpoint;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.strowger.channel.frame.Codec;
import org.strowger.sip.EndpointStatus;
import org.strowger.sip.internal.config.EndpointConfig;

/** Turns an endpoint configuration into an {@link Endpoint}, or says exactly what is wrong with it. */
public final class EndpointParser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");

    private EndpointParser() {
    }

    public static Endpoint parse(EndpointConfig config) {
        String name = config.name() == null ? "" : config.name().trim();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("endpoint name '" + name + "' must be 1-64 letters, digits, '.', '_',"
                    + " '+' or '-', starting with a letter or digit");
        }
        String where = "endpoint '" + name + "': ";
        Optional<String> secret = Optional.ofNullable(config.secret()).filter(s -> !s.isEmpty());
        String context = config.context() == null ? "" : config.context().trim();
        if (context.isEmpty()) {
            throw new IllegalArgumentException(where + "context must not be empty");
        }
        List<Codec> codecs = codecs(where, config.codecs());
        String transport = config.transport() == null ? "udp" : config.transport().trim().toLowerCase(Locale.ROOT);
        if (!transport.equals("udp") && !transport.equals("tcp")) {
            throw new IllegalArgumentException(where + "transport '" + transport + "' is not udp or tcp");
        }
        String host = config.host() == null ? "dynamic" : config.host().trim();
        EndpointStatus.Kind kind;
        Optional<InetSocketAddress> address = Optional.empty();
        if (config.anonymous()) {
            if (secret.isPresent()) {
                throw new IllegalArgumentException(where + "an anonymous endpoint cannot have a secret");
            }
            kind = EndpointStatus.Kind.ANONYMOUS;
        } else if (host.equalsIgnoreCase("dynamic")) {
            if (secret.isEmpty()) {
                throw new IllegalArgumentException(where + "a dynamic endpoint needs a secret: without one anybody"
                        + " could register as '" + name + "'");
            }
            kind = EndpointStatus.Kind.DYNAMIC;
        } else {
            kind = EndpointStatus.Kind.STATIC;
            address = Optional.of(hostPort(where, host));
        }
        if (config.maxContacts() < 1) {
            throw new IllegalArgumentException(where + "maxContacts must be at least 1");
        }
        if (config.qualifyIntervalSeconds() < 0) {
            throw new IllegalArgumentException(where + "qualifyIntervalSeconds must not be negative");
        }
        return new Endpoint(name, secret, context, codecs, kind, address, transport,
                config.qualifyIntervalSeconds(), config.maxContacts(), config.trace());
    }

    static List<Codec> codecs(String where, String text) {
        List<Codec> codecs = new ArrayList<>();
        for (String item : (text == null ? "" : text).split("[,\\s]+")) {
            if (item.isEmpty()) {
                continue;
            }
            Codec codec = switch (item.toLowerCase(Locale.ROOT)) {
                case "ulaw", "pcmu", "g711u" -> Codec.ULAW;
                case "alaw", "pcma", "g711a" -> Codec.ALAW;
                default -> throw new IllegalArgumentException(where + "codec '" + item
                        + "' is not supported (ulaw, alaw)");
            };
            if (!codecs.contains(codec)) {
                codecs.add(codec);
            }
        }
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException(where + "codecs must name at least one of ulaw, alaw");
        }
        return codecs;
    }

    /**
     * {@code host}, {@code host:port}, {@code [v6]}, {@code [v6]:port} or a bare IPv6 literal
     * (several colons and no brackets: no port); the port defaults to 5060.
     */
    static InetSocketAddress hostPort(String where, String text) {
        String host = text;
        String portText = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            String rest = close < 0 ? "?" : text.substring(close + 1);
            host = close < 0 ? "" : text.substring(0, close + 1);
            if (!rest.isEmpty()) {
                portText = rest.startsWith(":") ? rest.substring(1) : "";
            }
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            portText = text.substring(text.indexOf(':') + 1);
        }
        int port = 5060;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (host.isEmpty() || host.equals("[]") || port < 1 || port > 65535) {
            throw new IllegalArgumentException(where + "host '" + text + "' is not 'dynamic' or host:port");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(where + "host '" + host + "' cannot be resolved");
        }
    }
}
