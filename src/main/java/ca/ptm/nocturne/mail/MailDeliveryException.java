package ca.ptm.nocturne.mail;

/** The SMTP server refused the message after every attempt; the message is kept in the outbox. */
public class MailDeliveryException extends RuntimeException {

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
