package io.skein.host;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Runs one Gogo command through the framework's {@code CommandProcessor}. The launcher sits
 * outside the framework and does not see Gogo's classes, so the service is driven by reflection
 * on the public {@code CommandProcessor} and {@code CommandSession} interfaces.
 */
final class CommandRunner {

    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final String SESSION = "org.apache.felix.service.command.CommandSession";
    /** {@code Converter.INSPECT}: the level the Gogo shell prints results at. */
    private static final int INSPECT = 0;

    private final BundleContext context;

    CommandRunner(BundleContext context) {
        this.context = context;
    }

    /** Runs {@code command}; prints its result on {@code out}, or its error on {@code err}. */
    int run(String command, PrintStream out, PrintStream err) throws HostException {
        ServiceReference<?> reference = context.getServiceReference(PROCESSOR);
        if (reference == null) {
            throw new HostException("the Gogo command processor is not running");
        }
        Object processor = context.getService(reference);
        try {
            ClassLoader gogo = processor.getClass().getClassLoader();
            Class<?> processorType = Class.forName(PROCESSOR, false, gogo);
            Class<?> sessionType = Class.forName(SESSION, false, gogo);
            Method create = processorType.getMethod("createSession", java.io.InputStream.class,
                    java.io.OutputStream.class, java.io.OutputStream.class);
            Object session = create.invoke(processor, new ByteArrayInputStream(new byte[0]), out, err);
            try {
                Object result = sessionType.getMethod("execute", CharSequence.class).invoke(session, command);
                if (result != null) {
                    Object text = sessionType.getMethod("format", Object.class, int.class)
                            .invoke(session, result, INSPECT);
                    out.println(text);
                }
                out.flush();
                return 0;
            } catch (InvocationTargetException e) {
                String message = message(e.getCause());
                if (message.startsWith("Cannot coerce")) {
                    err.println("skein: wrong arguments for " + command.split("\\s+")[0] + " (" + message
                            + "); see ./skein exec 'help " + command.split("\\s+")[0] + "'");
                    return 2;
                }
                err.println("skein: " + message);
                return 1;
            } finally {
                sessionType.getMethod("close").invoke(session);
            }
        } catch (ReflectiveOperationException e) {
            throw new HostException("cannot drive the Gogo command processor: " + e, e);
        } finally {
            context.ungetService(reference);
        }
    }

    private static String message(Throwable error) {
        Throwable cause = error;
        while (cause instanceof InvocationTargetException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getName() : message;
    }
}
