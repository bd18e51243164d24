package dev.autoreply.worker.safety;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.firestore.FirestoreException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;

/**
 * Reads the gRPC status code of a failed Firestore call. The Firestore client reports server
 * rejections as {@link FirestoreException}, and some paths as a gax {@link ApiException} or a
 * gRPC {@link StatusRuntimeException}, so the whole cause chain is searched.
 */
final class FirestoreStatus {

  private FirestoreStatus() {
  }

  static boolean is(Throwable error, Status.Code code) {
    return code(error).filter(code::equals).isPresent();
  }

  static Optional<Status.Code> code(Throwable error) {
    for (Throwable current = error; current != null; current = current.getCause()) {
      Optional<Status.Code> code = ownCode(current);
      if (code.isPresent()) {
        return code;
      }
      if (current.getCause() == current) {
        break;
      }
    }
    return Optional.empty();
  }

  private static Optional<Status.Code> ownCode(Throwable error) {
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
