/**
 * Reliable background jobs on the broker's Redis: the {@code QueueService}, {@code TaskHandler}
 * whiteboard and {@code RetryPolicy} services. Not built yet: this bundle is an empty shell so that
 * the workspace and the runtime already have their final shape.
 */
package io.skein.queue;
