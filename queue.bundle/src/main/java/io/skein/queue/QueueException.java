package io.skein.queue;

/** A queue operation that could not be done: the broker unreachable, or a name not valid. */
public class QueueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QueueException(String message) {
        super(message);
    }

    public QueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
