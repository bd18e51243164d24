package dev.autoreply.worker.pipeline;

import dev.autoreply.worker.mail.InboundMail;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;

/** The display name of a mail's sender, for the greeting of a reply. */
final class SenderName {

  private SenderName() {
  }

  /** Returns the decoded display name of the first From address, or "" when there is none. */
  static String of(InboundMail mail) {
    String from = mail.header("From");
    if (from == null) {
      return "";
    }
    try {
      InternetAddress[] addresses = InternetAddress.parseHeader(from, false);
      if (addresses.length == 0 || addresses[0].getPersonal() == null) {
        return "";
      }
      return MimeUtility.decodeText(addresses[0].getPersonal()).strip();
    } catch (AddressException | UnsupportedEncodingException e) {
      return "";
    }
  }
}
