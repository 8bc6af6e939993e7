package io.skein.tui.internal;

import io.skein.broker.BrokerService;
import io.skein.inference.InferenceService;
import io.skein.journal.GraphStore;
import io.skein.journal.JournalService;
import io.skein.queue.QueueService;

import org.apache.felix.service.command.CommandProcessor;

/**
 * The published services the UI works through. Any of them may be away for a moment (a bundle
 * being updated, the broker restarting): each getter then throws {@link Unavailable}, which the UI
 * shows as a message while it keeps what it last drew.
 */
interface Services {

    JournalService journal();

    GraphStore graph();

    QueueService queue();

    InferenceService inference();

    BrokerService broker();

    CommandProcessor commands();

    /** A service the UI needs is not registered right now. */
    final class Unavailable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unavailable(String what) {
            super(what + " is not available right now (starting, stopping or being updated)");
        }
    }

    static <S> S require(S service, String what) {
        if (service == null) {
            throw new Unavailable(what);
        }
        return service;
    }
}
