package com.garage.mobile.platform.problem;

/**
 * A failure as our logs show it: the types and stack frames of its causes, without their
 * messages, which can quote request data (a database error names the value that broke a rule).
 */
public final class LoggedFailure extends RuntimeException {

    private static final int MAX_CAUSES = 10;

    private LoggedFailure(Throwable original, LoggedFailure cause) {
        super(original.getClass().getName(), cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    /** The failure without messages, stack frames kept, for {@code LOG.error(failure, ...)}. */
    public static LoggedFailure of(Throwable failure) {
        return copy(failure, 0);
    }

    /** The failure's type and its causes' types, for a one-line warning. */
    public static String describe(Throwable failure) {
        StringBuilder types = new StringBuilder(failure.getClass().getSimpleName());
        Throwable cause = failure.getCause();
        for (int depth = 1; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            types.append(" < ").append(cause.getClass().getSimpleName());
        }
        return types.toString();
    }

    private static LoggedFailure copy(Throwable failure, int depth) {
        Throwable cause = failure.getCause();
        boolean deeper = cause != null && cause != failure && depth < MAX_CAUSES;
        return new LoggedFailure(failure, deeper ? copy(cause, depth + 1) : null);
    }
}
