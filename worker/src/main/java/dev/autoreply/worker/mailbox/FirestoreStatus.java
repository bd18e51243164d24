package dev.autoreply.worker.mailbox;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.firestore.FirestoreException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Reads the gRPC status code of a failed Firestore call. */
final class FirestoreStatus {

  private FirestoreStatus() {
  }

  /**
   * Returns true if an exception in the cause chain carries {@code code}. The Firestore client
   * reports server rejections as {@link FirestoreException}, and some paths as a gax {@link
   * ApiException} or a gRPC {@link StatusRuntimeException}.
   */
  static boolean hasStatus(Throwable error, Status.Code code) {
    for (Throwable current = error; current != null; current = current.getCause()) {
      Status.Code found = ownStatusCode(current);
      if (found != null) {
        return found == code;
      }
      if (current.getCause() == current) {
        break;
      }
    }
    return false;
  }

  private static Status.Code ownStatusCode(Throwable error) {
    if (error instanceof FirestoreException firestoreError && firestoreError.getStatus() != null) {
      return firestoreError.getStatus().getCode();
    }
    if (error instanceof ApiException apiError) {
      return Status.Code.valueOf(apiError.getStatusCode().getCode().name());
    }
    if (error instanceof StatusRuntimeException grpcError) {
      return grpcError.getStatus().getCode();
    }
    return null;
  }
}
