package dev.outlay.tenancy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Routes that the service calls on itself without a token: the embedded Kogito jobs service is reached over HTTP
 * (schedule a job at /v2/jobs or /jobs) and calls back when a timer fires (/management/jobs/...). They are honoured
 * only from a loopback address, so a timer can fire without a user while the outside world still needs a token.
 */
public final class InternalRoutes {

    private InternalRoutes() {
    }

    public static boolean isJobsRoute(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return p.equals("/v2/jobs") || p.startsWith("/v2/jobs/")
                || p.equals("/jobs") || p.startsWith("/jobs/")
                || p.startsWith("/management/jobs/");
    }

    public static boolean isLoopback(String remoteHost) {
        if (remoteHost == null || remoteHost.isBlank()) return false;
        try {
            // Literal addresses only: never resolve a name here.
            String literal = remoteHost.startsWith("[") ? remoteHost.substring(1, remoteHost.length() - 1) : remoteHost;
            if (!literal.matches("[0-9a-fA-F:.]+")) return false;
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
