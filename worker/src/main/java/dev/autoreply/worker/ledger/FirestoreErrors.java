package dev.autoreply.worker.ledger;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.firestore.FirestoreException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Reads the gRPC status code of a failed Firestore call. */
final class FirestoreErrors {

  /** Status codes of failures that may succeed when the same call is sent again. */
  static final Set<Status.Code> TRANSIENT =
      EnumSet.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.ABORTED);

  private FirestoreErrors() {
  }

  /**
   * Returns the status code of the first exception in the cause chain that carries one. The
   * Firestore client reports server rejections as {@link FirestoreException}, and some paths
   * as a gax {@link ApiException} or a gRPC {@link StatusRuntimeException}.
   */
  static Optional<Status.Code> statusCode(Throwable error) {
    for (Throwable current = error; current != null; current = current.getCause()) {
      Optional<Status.Code> code = ownStatusCode(current);
      if (code.isPresent()) {
        return code;
      }
      if (current.getCause() == current) {
        break;
      }
    }
    return Optional.empty();
  }

  static boolean hasStatus(Throwable error, Status.Code code) {
    return statusCode(error).filter(code::equals).isPresent();
  }

  static boolean isTransient(Throwable error) {
    return statusCode(error).filter(TRANSIENT::contains).isPresent();
  }

  private static Optional<Status.Code> ownStatusCode(Throwable error) {
    if (error instanceof FirestoreException firestoreError && firestoreError.getStatus() != null) {
      return Optional.of(firestoreError.getStatus().getCode());
    }
    if (error instanceof ApiException apiError) {
      return Optional.of(Status.Code.valueOf(apiError.getStatusCode().getCode().name()));
    }
    if (error instanceof StatusRuntimeException grpcError) {
      return Optional.of(grpcError.getStatus().getCode());
    }
    return Optional.empty();
  }
}
