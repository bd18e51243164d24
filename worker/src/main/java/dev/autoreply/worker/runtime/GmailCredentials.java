package dev.autoreply.worker.runtime;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Gmail credentials from the tenant's Secret: an OAuth authorized-user JSON (a refresh token of
 * the mailbox's user) or a service-account JSON with domain-wide delegation, which then acts as
 * each mailbox in turn.
 */
final class GmailCredentials {

  static final List<String> GMAIL_SCOPES = List.of(
      "https://www.googleapis.com/auth/gmail.modify",
      "https://www.googleapis.com/auth/gmail.compose");

  private GmailCredentials() {
  }

  static GoogleCredentials forMailbox(Path credentialsFile, String mailbox) throws IOException {
    GoogleCredentials credentials = read(credentialsFile);
    if (credentials instanceof ServiceAccountCredentials serviceAccount) {
      return serviceAccount.createScoped(GMAIL_SCOPES).createDelegated(mailbox);
    }
    return credentials;
  }

  private static GoogleCredentials read(Path credentialsFile) throws IOException {
    try (InputStream in = Files.newInputStream(credentialsFile)) {
      return GoogleCredentials.fromStream(in);
    } catch (NoSuchFileException e) {
      throw new IOException("Gmail credentials file " + credentialsFile + " not found: create the"
          + " Secret named in spec.credentialsSecretRef with the key credentials.json", e);
    } catch (IOException e) {
      throw new IOException("invalid Gmail credentials in " + credentialsFile + ": " + e.getMessage()
          + "; expected an OAuth authorized-user or a service-account JSON", e);
    }
  }
}
