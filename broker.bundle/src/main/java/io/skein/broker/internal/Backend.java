package io.skein.broker.internal;

import io.skein.broker.BrokerInfo;

/** One way of providing the broker: embedded (Skein's own redis-server) or external. */
interface Backend extends AutoCloseable {

    /** Establishes the server and the connections, or explains why it cannot. */
    void start() throws BrokerException;

    /** Runs the periodic health check (and, embedded, takes over from an owner that is gone). */
    void check();

    /** Makes a {@link #start()} in progress give up soon. */
    void cancel();

    BrokerInfo info();

    Connections connections();

    /** Closes the connections, and stops the server if, and only if, this host owns it. */
    @Override
    void close();
}
