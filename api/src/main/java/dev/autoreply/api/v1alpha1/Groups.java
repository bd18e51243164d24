package dev.autoreply.api.v1alpha1;

/** API group of every autoreply custom resource. */
public final class Groups {

  public static final String AUTOREPLY = "autoreply.dev";

  private Groups() {
  }
}
