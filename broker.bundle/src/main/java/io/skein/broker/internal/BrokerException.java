package io.skein.broker.internal;

/**
 * A broker failure with a message written for the operator: it says what failed and where, and
 * is logged and shown by {@code broker:info} without a stack trace.
 */
final class BrokerException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean configuration;

    private BrokerException(String message, Throwable cause, boolean configuration) {
        super(message, cause);
        this.configuration = configuration;
    }

    /** A mistake in configuration: trying again cannot help until the configuration changes. */
    static BrokerException configuration(String message) {
        return new BrokerException("Configuration " + BrokerConfig.PID + ": " + message, null, true);
    }

    /** A failure of the machine or the server, which may heal (a server not up yet, a full disk). */
    static BrokerException failure(String message, Throwable cause) {
        return new BrokerException(message, cause, false);
    }

    /** A failure of the machine or the server, which may heal. */
    static BrokerException failure(String message) {
        return new BrokerException(message, null, false);
    }

    boolean isConfiguration() {
        return configuration;
    }
}
