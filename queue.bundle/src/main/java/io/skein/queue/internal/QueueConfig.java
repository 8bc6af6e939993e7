package io.skein.queue.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration {@code skein.queue}. Per queue, {@code queue.NAME.concurrency} and
 * {@code queue.NAME.lease} override the defaults; a queue named so gets workers even before a
 * handler for it registers.
 */
@ObjectClassDefinition(name = "Skein queue", description = "Workers of the job queues on this host.")
@interface QueueConfig {

    String PID = "skein.queue";

    @AttributeDefinition(description = "Jobs run at once per queue, unless queue.NAME.concurrency says otherwise.")
    int concurrency() default 4;

    @AttributeDefinition(description = "Seconds a taken job may go without lease renewal before it counts as lost.")
    int lease() default 30;

    @AttributeDefinition(description = "Seconds running jobs may take to finish when the host stops.")
    int shutdown_timeout() default 10;

    @AttributeDefinition(description = "Milliseconds one blocking read waits on the server.")
    int block() default 2000;
}
