package io.skein.journal;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One step of enrichment of an entry, e.g. extracting its entities. Register it as a service; the
 * journal runs {@link #process} as a job of {@link #queue()} under {@link #task()} for every saved
 * or edited entry, after the modules it {@linkplain #dependsOn() depends on} are done for that
 * entry. A module that goes away (its bundle is updated or stopped) leaves its jobs parked until it
 * returns; none fails because of it. Processing must be idempotent: running it twice for an entry
 * must leave the graph as running it once.
 */
@ConsumerType
public interface GraphModule {

    /** A short, stable name, e.g. {@code entities}. */
    String name();

    /** Names of the modules that must be done for an entry before this one runs. */
    List<String> dependsOn();

    /** The task name of this module's jobs. */
    String task();

    /** The queue of this module's jobs, e.g. {@code inference} for modules that need the model. */
    String queue();

    /**
     * Processes one entry. Throwing fails the job; the queue's retry policy decides what follows.
     *
     * @param entry the entry as it is now
     * @param graph the journal's graph, to write the results into
     */
    void process(Entry entry, GraphStore graph) throws Exception;
}
