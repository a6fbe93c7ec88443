package io.github.drkit.apps.drill;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where the drill sends its AWS calls: an emulator on this machine, never a real AWS endpoint.
 *
 * <p>A drill creates and deletes stacks, scales fleets to zero and inverts health checks. Against a live
 * account that is a game day, which needs its own safeguards (change windows, blast-radius limits, a
 * stop button), so this class refuses any endpoint that is not a loopback address.
 */
public final class EmulatorEndpoint {
    private final URI uri;

    private EmulatorEndpoint(URI uri) {
        this.uri = uri;
    }

    /**
     * Validates an endpoint URL such as {@code AWS_ENDPOINT_URL}.
     *
     * @throws IllegalArgumentException naming the value and the rule when it is not an emulator on this machine
     */
    public static EmulatorEndpoint of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("DrillCommand: AWS_ENDPOINT_URL must be an http(s) URL of an AWS emulator (got an empty value)");
        }
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DrillCommand: AWS_ENDPOINT_URL must be an http(s) URL of an AWS emulator (got '" + value + "')", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || host.isEmpty()) {
            throw new IllegalArgumentException("DrillCommand: AWS_ENDPOINT_URL must be an http(s) URL of an AWS emulator (got '" + value + "')");
        }
        if (isAwsHost(host)) {
            throw new IllegalArgumentException("DrillCommand: AWS_ENDPOINT_URL points at a real AWS endpoint (got '" + value
                    + "'); the drill only runs against an AWS emulator on this machine. A drill against a live account "
                    + "is a different feature with different safeguards: unset AWS_ENDPOINT_URL to let the drill start "
                    + "moto_server, or point it at an emulator on a loopback address");
        }
        if (!isLoopback(host)) {
            throw new IllegalArgumentException("DrillCommand: AWS_ENDPOINT_URL must be an emulator on a loopback address "
                    + "such as 127.0.0.1 or localhost (got '" + value + "'); the drill never sends its calls to another machine");
        }
        return new EmulatorEndpoint(uri);
    }

    public URI uri() {
        return uri;
    }

    @Override
    public String toString() {
        return uri.toString();
    }

    static boolean isAwsHost(String host) {
        return host.endsWith(".amazonaws.com") || host.equals("amazonaws.com")
                || host.endsWith(".amazonaws.com.cn") || host.endsWith(".api.aws")
                || host.endsWith(".c2s.ic.gov") || host.endsWith(".sc2s.sgov.gov");
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        // Only literal addresses are checked: a name other than localhost would need a DNS lookup, and
        // what a resolver answers is not something the drill can vouch for.
        if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
