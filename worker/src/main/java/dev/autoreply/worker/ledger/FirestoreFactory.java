package dev.autoreply.worker.ledger;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import com.google.auth.oauth2.GoogleCredentials;

/** Builds {@link Firestore} clients for the reply ledger. */
public final class FirestoreFactory {

  private FirestoreFactory() {
  }

  /**
   * Builds a client for the project's database with Application Default Credentials (the pod's
   * workload identity in production).
   *
   * @throws UncheckedIOException if no default credentials are found
   */
  public static Firestore production(String projectId, String databaseId) {
    try {
      return FirestoreOptions.newBuilder()
          .setProjectId(requireText(projectId, "projectId"))
          .setDatabaseId(requireText(databaseId, "databaseId"))
          .setCredentials(GoogleCredentials.getApplicationDefault())
          .build()
          .getService();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot load Google Application Default Credentials for Firestore project "
              + projectId + "; set GOOGLE_APPLICATION_CREDENTIALS or run with workload identity",
          e);
    }
  }

  /**
   * Builds a client for an emulator at {@code hostAndPort} (for example {@code 127.0.0.1:8080}).
   * It sends the emulator's fixed owner token over plaintext gRPC and never reads Google
   * credentials or the metadata server.
   */
  public static Firestore emulator(String projectId, String databaseId, String hostAndPort) {
    return FirestoreOptions.newBuilder()
        .setProjectId(requireText(projectId, "projectId"))
        .setDatabaseId(requireText(databaseId, "databaseId"))
        .setEmulatorHost(requireText(hostAndPort, "hostAndPort"))
        .setCredentials(new FirestoreOptions.EmulatorCredentials())
        .build()
        .getService();
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is missing; set it in the worker settings");
    }
    return value;
  }
}
