package dev.autoreply.worker.runtime;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Endpoints of Google's services that the worker calls. Production leaves every override null; tests point
 * them at local servers on 127.0.0.1.
 *
 * @param gmailRootUrl root URL of the Gmail API, ending with "/"
 * @param pubsubEndpoint host:port of a plaintext Pub/Sub endpoint, or null for Google's
 * @param firestoreEmulatorHost host:port of a Firestore emulator, or null for Firestore
 * @param vertexBaseUrl base URL of Vertex AI, or null for the location's endpoint
 * @param googleCredentialsFile credentials for Vertex AI and Pub/Sub, or null for Application
 *     Default Credentials (Workload Identity on GKE)
 * @param adminPort port of /metrics and /healthz; 0 picks a free port
 * @param claimTtl age after which a claim of a worker that died may be taken over
 */
public record WorkerEndpoints(
    String gmailRootUrl,
    String pubsubEndpoint,
    String firestoreEmulatorHost,
    String vertexBaseUrl,
    Path googleCredentialsFile,
    int adminPort,
    Duration claimTtl) {
}
