package dev.autoreply.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class RegionPolicySpec {

  @Required
  @Pattern("^[a-z]+-[a-z]+[0-9]$")
  @JsonPropertyDescription("Google Cloud region this cluster serves, e.g. europe-west1.")
  private String region;

  @Required
  @Pattern("^[a-z][a-z0-9-]{4,28}[a-z0-9]$")
  @JsonPropertyDescription("Google Cloud project of Vertex AI and Firestore.")
  private String projectId;

  @JsonPropertyDescription("Vertex AI location; the region when empty.")
  private String vertexAiLocation;

  @Default("(default)")
  @JsonPropertyDescription("Firestore database that holds the reply ledger.")
  private String firestoreDatabase = "(default)";

  @JsonPropertyDescription("Default worker container image for tenants that name none.")
  private String workerImage;

  @JsonPropertyDescription("host:port of the Redis that caches drafted replies; no shared cache when empty.")
  private String redisAddress;

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getProjectId() {
    return projectId;
  }

  public void setProjectId(String projectId) {
    this.projectId = projectId;
  }

  public String getVertexAiLocation() {
    return vertexAiLocation;
  }

  public void setVertexAiLocation(String vertexAiLocation) {
    this.vertexAiLocation = vertexAiLocation;
  }

  public String getFirestoreDatabase() {
    return firestoreDatabase;
  }

  public void setFirestoreDatabase(String firestoreDatabase) {
    this.firestoreDatabase = firestoreDatabase;
  }

  public String getWorkerImage() {
    return workerImage;
  }

  public void setWorkerImage(String workerImage) {
    this.workerImage = workerImage;
  }

  public String getRedisAddress() {
    return redisAddress;
  }

  public void setRedisAddress(String redisAddress) {
    this.redisAddress = redisAddress;
  }
}
