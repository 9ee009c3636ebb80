package vn.motcua.appliance.store;

import java.sql.SQLException;

import org.h2.api.ErrorCode;

/** Tells H2 failing to use its file (write errors, a store that closed itself) from an ordinary SQL error. */
final class H2Failure {
    private H2Failure() {}

    static boolean isStorage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof org.h2.mvstore.MVStoreException || c instanceof java.io.IOException) {
                return true;
            }
            if (c instanceof SQLException s && switch (s.getErrorCode()) {
                case ErrorCode.DATABASE_IS_CLOSED, ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2,
                     ErrorCode.FILE_CORRUPTED_1, ErrorCode.DATABASE_CALLED_AT_SHUTDOWN -> true;
                case ErrorCode.GENERAL_ERROR_1 -> String.valueOf(s.getMessage()).contains("MVStoreException");
                default -> false;
            }) {
                return true;
            }
        }
        return false;
    }
}
