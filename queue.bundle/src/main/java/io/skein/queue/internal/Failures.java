package io.skein.queue.internal;

import io.skein.queue.QueueException;

/** Turns client failures into messages for people. */
final class Failures {

    private Failures() {
    }

    static QueueException queueException(Throwable error) {
        if (error instanceof QueueException queueException) {
            return queueException;
        }
        return new QueueException("The broker did not answer: " + message(error), error);
    }

    static String message(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof java.util.concurrent.ExecutionException
                || cause instanceof java.util.concurrent.CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        String text = message == null || message.isBlank() ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + message;
        return text.replaceAll("\\s+", " ").trim();
    }
}
