package dev.autoreply.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** People who may manage or read this AutoReplyTenant, and nothing else in the namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AccessSpec {

  @JsonPropertyDescription("Users or groups that may edit this AutoReplyTenant.")
  private List<AccessSubject> admins = new ArrayList<>();

  @JsonPropertyDescription("Users or groups that may read this AutoReplyTenant and its status.")
  private List<AccessSubject> viewers = new ArrayList<>();

  public List<AccessSubject> getAdmins() {
    return admins;
  }

  public void setAdmins(List<AccessSubject> admins) {
    this.admins = admins;
  }

  public List<AccessSubject> getViewers() {
    return viewers;
  }

  public void setViewers(List<AccessSubject> viewers) {
    this.viewers = viewers;
  }
}
