package dev.autoreply.operator.schedule;

import static dev.autoreply.operator.schedule.ScheduleFixtures.businessHours;
import static dev.autoreply.operator.schedule.ScheduleFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulerAccessModelTest {

  private static final Map<String, String> LABELS = Map.of(
      "app.kubernetes.io/name", "autoreply-scheduler",
      "app.kubernetes.io/instance", "acme-support",
      "app.kubernetes.io/component", "scheduler",
      "app.kubernetes.io/part-of", "autoreply",
      "app.kubernetes.io/managed-by", "autoreply-operator");

  private final AutoReplyTenant tenant = tenant(businessHours());

  @Test
  void roleAllowsOnlyGetAndPatchOfTenant() {
    Role role = SchedulerAccessModel.role(tenant);

    assertThat(role.getApiVersion()).isEqualTo("rbac.authorization.k8s.io/v1");
    assertThat(role.getMetadata().getName()).isEqualTo("acme-support-scheduler");
    assertThat(role.getRules()).hasSize(1);
    PolicyRule rule = role.getRules().get(0);
    assertThat(rule.getApiGroups()).containsExactly("autoreply.dev");
    assertThat(rule.getResources()).containsExactly("autoreplytenants");
    assertThat(rule.getResourceNames()).containsExactly("acme-support");
    assertThat(rule.getVerbs()).containsExactly("get", "patch");
    assertThat(rule.getNonResourceURLs()).isEmpty();
  }

  @Test
  void roleBindingBindsRoleToServiceAccount() {
    RoleBinding binding = SchedulerAccessModel.roleBinding(tenant);

    assertThat(binding.getMetadata().getName()).isEqualTo("acme-support-scheduler");
    assertThat(binding.getRoleRef().getApiGroup()).isEqualTo("rbac.authorization.k8s.io");
    assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
    assertThat(binding.getRoleRef().getName()).isEqualTo("acme-support-scheduler");
    assertThat(binding.getSubjects()).hasSize(1);
    Subject subject = binding.getSubjects().get(0);
    assertThat(subject.getKind()).isEqualTo("ServiceAccount");
    assertThat(subject.getName()).isEqualTo("acme-support-scheduler");
    assertThat(subject.getNamespace()).isEqualTo("acme");
  }

  @Test
  void serviceAccountNamed() {
    ServiceAccount serviceAccount = SchedulerAccessModel.serviceAccount(tenant);

    assertThat(serviceAccount.getMetadata().getName()).isEqualTo("acme-support-scheduler");
    assertThat(serviceAccount.getAutomountServiceAccountToken()).isNull();
  }

  @Test
  void everyObjectLabelledAndOwned() {
    List<HasMetadata> objects = List.of(SchedulerAccessModel.serviceAccount(tenant),
        SchedulerAccessModel.role(tenant), SchedulerAccessModel.roleBinding(tenant));

    for (HasMetadata object : objects) {
      assertThat(object.getMetadata().getNamespace()).as(object.getKind()).isEqualTo("acme");
      assertThat(object.getMetadata().getLabels()).as(object.getKind()).isEqualTo(LABELS);
      assertThat(object.getMetadata().getOwnerReferences()).as(object.getKind()).hasSize(1);
      assertThat(object.getMetadata().getOwnerReferences().get(0).getUid())
          .as(object.getKind()).isEqualTo(ScheduleFixtures.UID);
      assertThat(object.getMetadata().getOwnerReferences().get(0).getController())
          .as(object.getKind()).isTrue();
    }
  }
}
