package io.agnt2.sidecar;

import java.util.Locale;
import java.util.Set;

/**
 * Headers that belong to one connection and must not be forwarded (RFC 9110, section 7.6.1), plus the
 * ones the JDK's HTTP client and server set themselves and refuse to take from us.
 */
final class HopByHopHeaders {

    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection",
            "te", "trailer", "transfer-encoding", "upgrade",
            "host", "content-length", "expect", "date");

    private HopByHopHeaders() {
    }

    /**
     * @param connectionHeader the value of the message's Connection header (may name more hop-by-hop headers), or null
     */
    static boolean isForwarded(String name, String connectionHeader) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (NOT_FORWARDED.contains(lower) || lower.startsWith(":")) {
            return false;
        }
        if (connectionHeader != null) {
            for (String token : connectionHeader.split(",")) {
                if (token.trim().toLowerCase(Locale.ROOT).equals(lower)) {
                    return false;
                }
            }
        }
        return true;
    }
}
