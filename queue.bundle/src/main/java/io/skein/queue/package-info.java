/**
 * Reliable background jobs on the broker's Redis.
 *
 * <p>{@link io.skein.queue.QueueService} enqueues and inspects jobs; {@link io.skein.queue.TaskHandler}
 * services, registered under a task name, run them; the highest-ranked {@link io.skein.queue.RetryPolicy}
 * service decides what happens to a job that failed. Delivery is at least once: a job is acknowledged
 * only after its handler returned, so handlers must be idempotent.
 *
 * <p>A job is in one of the states of {@link io.skein.queue.JobState}; the legal moves between them are
 * listed there.
 */
@Export
@Version("1.0.0")
package io.skein.queue;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
