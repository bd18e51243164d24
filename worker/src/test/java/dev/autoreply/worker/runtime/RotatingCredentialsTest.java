package dev.autoreply.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.auth.oauth2.UserCredentials;
import dev.autoreply.worker.testing.FakeGmailServer;
import dev.autoreply.worker.testing.FakeOAuthTokenServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class RotatingCredentialsTest {

  private static final String MAILBOX = "support@example.com";

  @TempDir
  Path folder;

  private FakeOAuthTokenServer tokenServer;
  private ListAppender<ILoggingEvent> logs;
  private Logger logger;

  @BeforeEach
  void start() {
    tokenServer = new FakeOAuthTokenServer();
    logger = (Logger) LoggerFactory.getLogger(RotatingCredentials.class);
    logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void stop() {
    logger.detachAppender(logs);
    tokenServer.close();
  }

  @Test
  void rotatedRefreshTokenIsUsedAtNextRefresh() throws Exception {
    Path file = folder.resolve("credentials.json");
    Files.writeString(file, tokenServer.authorizedUserJson("refresh-token-a"));
    RotatingCredentials credentials = RotatingCredentials.forMailbox(file, MAILBOX);
    credentials.refresh();

    Files.writeString(file, tokenServer.authorizedUserJson("refresh-token-b"));
    credentials.refresh();

    assertThat(tokenServer.refreshTokens()).containsExactly("refresh-token-a", "refresh-token-b");
    assertThat(credentials.getAccessToken().getTokenValue())
        .isEqualTo(FakeGmailServer.ACCESS_TOKEN);
  }

  @Test
  void unchangedFileKeepsCredentials() throws Exception {
    Path file = folder.resolve("credentials.json");
    Files.writeString(file, tokenServer.authorizedUserJson("refresh-token-a"));
    RotatingCredentials credentials = RotatingCredentials.forMailbox(file, MAILBOX);
    credentials.refresh();
    var first = credentials.current();

    credentials.refresh();

    assertThat(credentials.current()).isSameAs(first);
    assertThat(tokenServer.refreshTokens()).containsExactly("refresh-token-a", "refresh-token-a");
  }

  /** The kubelet updates a mounted Secret by pointing the ..data link at a new folder. */
  @Test
  void secretSymlinkSwapIsFollowed() throws Exception {
    Path mount = Files.createDirectory(folder.resolve("credentials"));
    Path firstVersion = Files.createDirectory(mount.resolve("..2025_03_04_05_06_07.1"));
    Files.writeString(firstVersion.resolve("credentials.json"),
        tokenServer.authorizedUserJson("refresh-token-a"));
    Files.createSymbolicLink(mount.resolve("..data"), firstVersion.getFileName());
    Path file = mount.resolve("credentials.json");
    Files.createSymbolicLink(file, Path.of("..data", "credentials.json"));
    RotatingCredentials credentials = RotatingCredentials.forMailbox(file, MAILBOX);
    credentials.refresh();

    Path secondVersion = Files.createDirectory(mount.resolve("..2025_03_05_05_06_07.2"));
    Files.writeString(secondVersion.resolve("credentials.json"),
        tokenServer.authorizedUserJson("refresh-token-b"));
    Path newLink = Files.createSymbolicLink(mount.resolve("..data_tmp"),
        secondVersion.getFileName());
    Files.move(newLink, mount.resolve("..data"), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    credentials.refresh();

    assertThat(tokenServer.refreshTokens()).containsExactly("refresh-token-a", "refresh-token-b");
  }

  @Test
  void invalidRotatedFileKeepsOldCredentials() throws Exception {
    Path file = folder.resolve("credentials.json");
    Files.writeString(file, tokenServer.authorizedUserJson("refresh-token-a"));
    RotatingCredentials credentials = RotatingCredentials.forMailbox(file, MAILBOX);
    credentials.refresh();

    Files.writeString(file, "{\"type\": \"authorized_user\", \"refresh_token\": \"secret-b\"");
    credentials.refresh();
    credentials.refresh();

    assertThat(tokenServer.refreshTokens())
        .containsExactly("refresh-token-a", "refresh-token-a", "refresh-token-a");
    List<ILoggingEvent> warnings = logs.list.stream()
        .filter(event -> event.getLevel() == Level.WARN)
        .toList();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).getFormattedMessage()).contains(file.toString());
    assertThat(warnings.get(0).getFormattedMessage()).contains("not valid JSON");
    assertThat(warnings.get(0).getFormattedMessage()).doesNotContain("secret-b");
  }

  @Test
  void fileFixedAfterInvalidVersionIsLoaded() throws Exception {
    Path file = folder.resolve("credentials.json");
    Files.writeString(file, tokenServer.authorizedUserJson("refresh-token-a"));
    RotatingCredentials credentials = RotatingCredentials.forMailbox(file, MAILBOX);
    Files.writeString(file, "not json");
    credentials.refresh();

    Files.writeString(file, tokenServer.authorizedUserJson("refresh-token-c"));
    credentials.refresh();

    assertThat(tokenServer.refreshTokens()).containsExactly("refresh-token-a", "refresh-token-c");
  }

  @Test
  void missingFileDuringRefreshKeepsOldCredentials() throws Exception {
    Path file = folder.resolve("credentials.json");
    Files.writeString(file, tokenServer.authorizedUserJson("refresh-token-a"));
    RotatingCredentials credentials = RotatingCredentials.forMailbox(file, MAILBOX);
    Files.delete(file);

    credentials.refresh();

    assertThat(tokenServer.refreshTokens()).containsExactly("refresh-token-a");
    assertThat(logs.list).anyMatch(event -> event.getLevel() == Level.WARN
        && event.getFormattedMessage().contains(file.toString()));
  }

  @Test
  void serviceAccountIsScopedAndDelegated() throws Exception {
    Path file = folder.resolve("credentials.json");
    Files.writeString(file, serviceAccountJson());

    RotatingCredentials credentials = RotatingCredentials.forMailbox(file, MAILBOX);
    credentials.refresh();

    assertThat(credentials.current()).isInstanceOf(ServiceAccountCredentials.class);
    ServiceAccountCredentials serviceAccount = (ServiceAccountCredentials) credentials.current();
    assertThat(serviceAccount.getServiceAccountUser()).isEqualTo(MAILBOX);
    assertThat(serviceAccount.getScopes())
        .containsExactlyElementsOf(RotatingCredentials.GMAIL_SCOPES);
    assertThat(credentials.getAccessToken().getTokenValue())
        .isEqualTo(FakeGmailServer.ACCESS_TOKEN);
  }

  @Test
  void authorizedUserIsUsedAsIs() throws Exception {
    Path file = folder.resolve("credentials.json");
    Files.writeString(file, tokenServer.authorizedUserJson("refresh-token-a"));

    RotatingCredentials credentials = RotatingCredentials.forMailbox(file, MAILBOX);

    assertThat(credentials.current()).isInstanceOf(UserCredentials.class);
    assertThat(((UserCredentials) credentials.current()).getRefreshToken())
        .isEqualTo("refresh-token-a");
  }

  @Test
  void missingFileAtStartIsRejected() {
    Path file = folder.resolve("absent.json");

    assertThatThrownBy(() -> RotatingCredentials.forMailbox(file, MAILBOX))
        .hasMessageContaining("Gmail credentials file " + file + " not found");
  }

  @Test
  void invalidFileAtStartIsRejectedWithoutContent() throws Exception {
    Path file = folder.resolve("credentials.json");
    Files.writeString(file, "{\"refresh_token\": \"secret-x\" oops");

    assertThatThrownBy(() -> RotatingCredentials.forMailbox(file, MAILBOX))
        .hasMessageStartingWith("invalid Gmail credentials in " + file + ": not valid JSON")
        .hasMessageNotContaining("secret-x");
  }

  @Test
  void unsupportedTypeIsRejected() throws Exception {
    Path file = folder.resolve("credentials.json");
    Files.writeString(file, "{\"type\": \"external_account\"}");

    assertThatThrownBy(() -> RotatingCredentials.forMailbox(file, MAILBOX))
        .hasMessage("invalid Gmail credentials in " + file + ": type 'external_account' is not"
            + " supported; expected an OAuth authorized-user or a service-account JSON");
  }

  private String serviceAccountJson() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
    String pem = "-----BEGIN PRIVATE KEY-----\\n"
        + Base64.getEncoder().encodeToString(pkcs8) + "\\n-----END PRIVATE KEY-----\\n";
    return """
        {"type": "service_account", "project_id": "autoreply-test",
         "private_key_id": "key-1", "private_key": "%s",
         "client_email": "worker@autoreply-test.iam.gserviceaccount.com",
         "client_id": "1234567890", "token_uri": "%s"}
        """.formatted(pem, tokenServer.tokenUri());
  }
}
