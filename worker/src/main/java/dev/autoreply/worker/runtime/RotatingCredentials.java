package dev.autoreply.worker.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.auth.oauth2.UserCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gmail credentials of one mailbox that follow their credentials file. Before each access-token
 * refresh it reads the file again, and when the content's SHA-256 changed it parses the new
 * credentials and refreshes with them. A rotated Kubernetes Secret therefore takes effect at the
 * next refresh, without a restart: the kubelet replaces the files of a mounted Secret by
 * switching a symbolic link, and this class follows the path each time.
 *
 * <p>The file contains an OAuth authorized-user JSON, used as it is, or a service-account JSON,
 * which is scoped to {@link #GMAIL_SCOPES} and delegated to the mailbox. A
 * changed file that cannot be read or parsed is logged once and the credentials loaded before
 * stay in use. Log lines name the file, never its content.
 *
 * <p>The access token is refreshed when it expires, and also when Gmail answers 401, because
 * the Google HTTP client adapter refreshes on 401. A Secret rotated after revoking the old
 * refresh token is therefore picked up at the first rejected call.
 */
public final class RotatingCredentials extends GoogleCredentials {

  /** Gmail scopes of a service account acting as a mailbox through domain-wide delegation. */
  public static final List<String> GMAIL_SCOPES = List.of(
      "https://www.googleapis.com/auth/gmail.modify",
      "https://www.googleapis.com/auth/gmail.compose");

  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(RotatingCredentials.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AUTHORIZED_USER = "authorized_user";
  private static final String SERVICE_ACCOUNT = "service_account";

  private final String credentialsFile;
  private final String mailbox;
  private transient GoogleCredentials current;
  private String loadedSha256;
  /** SHA-256 of content that failed to parse and was logged, so it is not logged again. */
  private String rejectedSha256;
  private boolean readFailureLogged;

  private RotatingCredentials(Path credentialsFile, String mailbox, byte[] content,
      GoogleCredentials first) {
    this.credentialsFile = credentialsFile.toString();
    this.mailbox = mailbox;
    this.current = first;
    this.loadedSha256 = sha256(content);
  }

  /**
   * Loads the credentials of {@code mailbox} from {@code credentialsFile}.
   *
   * @throws IOException if the file is missing or contains no supported credentials; the message
   *     names the file and never quotes its content
   */
  public static RotatingCredentials forMailbox(Path credentialsFile, String mailbox)
      throws IOException {
    Objects.requireNonNull(credentialsFile, "credentialsFile");
    Objects.requireNonNull(mailbox, "mailbox");
    byte[] content;
    try {
      content = Files.readAllBytes(credentialsFile);
    } catch (NoSuchFileException e) {
      throw new IOException("Gmail credentials file " + credentialsFile + " not found: create the"
          + " Secret named in spec.credentialsSecretRef with the key credentials.json", e);
    }
    GoogleCredentials first = parse(content, credentialsFile, mailbox);
    log.info("Loaded Gmail credentials for mailbox {} from {}", mailbox, credentialsFile);
    return new RotatingCredentials(credentialsFile, mailbox, content, first);
  }

  public Path credentialsFile() {
    return Path.of(credentialsFile);
  }

  /** Reloads the credentials file if its content changed, then refreshes the access token. */
  @Override
  public synchronized AccessToken refreshAccessToken() throws IOException {
    reloadIfChanged();
    return current.refreshAccessToken();
  }

  /** Returns the credentials in use, e.g. for tests to inspect their type. */
  synchronized GoogleCredentials current() {
    return current;
  }

  private void reloadIfChanged() {
    Path file = Path.of(credentialsFile);
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      if (!readFailureLogged) {
        log.warn("Cannot read Gmail credentials file {} for mailbox {} ({}); keeping the"
            + " credentials loaded before", file, mailbox, e.getClass().getSimpleName());
        readFailureLogged = true;
      }
      return;
    }
    readFailureLogged = false;
    String sha256 = sha256(content);
    if (sha256.equals(loadedSha256) || sha256.equals(rejectedSha256)) {
      return;
    }
    try {
      current = parse(content, file, mailbox);
      loadedSha256 = sha256;
      rejectedSha256 = null;
      log.info("Reloaded Gmail credentials for mailbox {} from {}: the file changed", mailbox,
          file);
    } catch (IOException e) {
      rejectedSha256 = sha256;
      log.warn("Gmail credentials file {} changed but is invalid ({}); keeping the credentials"
          + " loaded before for mailbox {}", file, e.getMessage(), mailbox);
    }
  }

  /**
   * Parses credentials JSON. Messages name the file and the failing field or position only,
   * because the content contains secrets.
   */
  private static GoogleCredentials parse(byte[] content, Path file, String mailbox)
      throws IOException {
    String type = credentialsType(content, file);
    if (AUTHORIZED_USER.equals(type)) {
      return UserCredentials.fromStream(new ByteArrayInputStream(content));
    }
    if (SERVICE_ACCOUNT.equals(type)) {
      return ServiceAccountCredentials.fromStream(new ByteArrayInputStream(content))
          .createScoped(GMAIL_SCOPES)
          .createDelegated(mailbox);
    }
    throw new IOException("invalid Gmail credentials in " + file + ": type '" + type
        + "' is not supported; expected an OAuth authorized-user or a service-account JSON");
  }

  private static String credentialsType(byte[] content, Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(content);
    } catch (JsonProcessingException e) {
      // The exception message may quote the content, so only its position is kept.
      throw new IOException("invalid Gmail credentials in " + file + ": not valid JSON at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
    }
    if (root == null || !root.isObject() || !root.path("type").isTextual()) {
      throw new IOException("invalid Gmail credentials in " + file
          + ": expected a JSON object with a \"type\" field");
    }
    return root.get("type").asText();
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
