package io.skein.broker.internal;

import io.lettuce.core.RedisURI;

import java.util.regex.Pattern;

/** Shows endpoints to people: never a password, always enough to find the server. */
final class Endpoints {

    private static final Pattern USER_INFO = Pattern.compile("(?<=://)([^:@/]*:)?[^@/]*@");

    private Endpoints() {
    }

    /** Replaces the secret part of a URI's user info with {@code ***}. */
    static String mask(String uri) {
        if (uri == null) {
            return "";
        }
        return USER_INFO.matcher(uri).replaceFirst(m -> (m.group(1) == null ? "" : m.group(1)) + "***@");
    }

    /** Describes a Lettuce URI without its password. */
    static String describe(RedisURI uri) {
        if (uri.getSocket() != null) {
            return "unix:" + uri.getSocket();
        }
        if (!uri.getSentinels().isEmpty()) {
            StringBuilder text = new StringBuilder("sentinel:");
            uri.getSentinels().forEach(s -> text.append(s.getHost()).append(':').append(s.getPort()).append(','));
            text.setLength(text.length() - 1);
            return text.append(" master ").append(uri.getSentinelMasterId()).toString();
        }
        String scheme = uri.isSsl() ? "rediss" : "redis";
        return scheme + "://" + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
    }
}
