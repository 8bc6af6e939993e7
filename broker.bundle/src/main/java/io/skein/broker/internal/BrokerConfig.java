package io.skein.broker.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of PID {@code skein.broker}. Numbers are read as strings and checked by
 * {@link BrokerSettings}, so that a bad value is reported in words instead of failing activation.
 */
@ObjectClassDefinition(name = "Skein broker", description = "Where Skein's Redis lives and how to reach it.")
@interface BrokerConfig {

    String PID = "skein.broker";

    @AttributeDefinition(description = "embedded (Skein runs redis-server) or external (a Redis URI).")
    String mode() default "embedded";

    @AttributeDefinition(description = "Data directory; empty means SKEIN_HOME, $XDG_DATA_HOME/skein or "
            + "~/.local/share/skein.")
    String data_dir() default "";

    @AttributeDefinition(description = "External mode: redis://, rediss:// or redis-sentinel:// URI.")
    String uri() default "";

    @AttributeDefinition(description = "Embedded mode: the redis-server to run; empty means the one on "
            + "the PATH, else the binary shipped with Skein.")
    String executable() default "";

    @AttributeDefinition(description = "Embedded mode: when the append-only file is flushed to disk: everysec "
            + "(at most a second of acknowledged writes lost if the machine fails) or always (none, slower).")
    String appendfsync() default "everysec";

    @AttributeDefinition(description = "Seconds an ordinary command may take before it fails.")
    String command_timeout() default "10";

    @AttributeDefinition(description = "Seconds a connection attempt may take.")
    String connect_timeout() default "5";

    @AttributeDefinition(description = "Seconds to wait for the embedded server to answer after start.")
    String startup_timeout() default "30";
}
