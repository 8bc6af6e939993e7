package io.skein.host;

/** A failure to set up or run the host, with a message for the person who started it. */
final class HostException extends Exception {

    private static final long serialVersionUID = 1L;

    HostException(String message) {
        super(message);
    }

    HostException(String message, Throwable cause) {
        super(message, cause);
    }
}
