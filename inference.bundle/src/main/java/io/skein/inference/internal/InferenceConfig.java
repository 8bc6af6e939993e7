package io.skein.inference.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code skein.inference}. */
@ObjectClassDefinition(name = "Skein inference", description = "The model that reads entries.")
@interface InferenceConfig {

    String PID = "skein.inference";

    @AttributeDefinition(description = "embedded (in-process, offline) or openai (an OpenAI-compatible server).")
    String backend() default "embedded";

    @AttributeDefinition(description = "Seconds without runnable work before the model is unloaded.")
    int idle() default 60;

    @AttributeDefinition(description = "openai: the server's base URL, e.g. http://127.0.0.1:8080/v1")
    String endpoint() default "";

    @AttributeDefinition(description = "openai: the model name the server knows.")
    String model() default "";

    @AttributeDefinition(description = "openai: the API key, if the server wants one. Never logged.")
    String api_key() default "";

    @AttributeDefinition(description = "openai: seconds to connect, and seconds one answer may take.")
    int connect_timeout() default 5;

    int timeout() default 120;
}
