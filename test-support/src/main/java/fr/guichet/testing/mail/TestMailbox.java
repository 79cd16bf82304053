package fr.guichet.testing.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) on a free loopback port, standing in for the organisations' mail
 * servers, which cannot run here: token-service's production mailer (quarkus-mailer, mock off)
 * delivers to it, and a test reads a message as its recipient would.
 */
public final class TestMailbox implements AutoCloseable {

    /** One delivered message: its envelope recipients, subject and decoded text. */
    public record Message(List<String> recipients, String subject, String text) {
    }

    private final GreenMail server;

    private TestMailbox(GreenMail server) {
        this.server = server;
    }

    /** Starts an SMTP server on 127.0.0.1, on a port the system chooses. */
    public static TestMailbox start() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        return new TestMailbox(server);
    }

    /** The SMTP port (loopback). */
    public int port() {
        return server.getSmtp().getPort();
    }

    /**
     * The settings that send token-service's mails here: Quarkus' production mailer over plain SMTP
     * (no STARTTLS on loopback), the mock mailbox off.
     */
    public Map<String, String> mailerProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.mailer.mock", "false");
        p.put("quarkus.mailer.host", "127.0.0.1");
        p.put("quarkus.mailer.port", String.valueOf(port()));
        p.put("quarkus.mailer.start-tls", "DISABLED");
        return p;
    }

    /** Every message delivered so far, in delivery order. */
    public List<Message> messages() {
        List<Message> out = new ArrayList<>();
        for (MimeMessage m : server.getReceivedMessages()) {
            out.add(read(m));
        }
        return out;
    }

    /**
     * Waits for the {@code index}-th message (from 0) to {@code recipient}.
     *
     * @throws AssertionError when it has not come within {@code timeout}
     */
    public Message await(String recipient, int index, Duration timeout) {
        String to = recipient.toLowerCase(Locale.ROOT);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Message> mine = messages().stream().filter(m -> m.recipients().contains(to)).toList();
            if (mine.size() > index) {
                return mine.get(index);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No message #" + index + " to " + recipient + " within " + timeout
                        + " (" + mine.size() + " to it, " + server.getReceivedMessages().length + " in all)");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The first match of {@code link} in the {@code index}-th message to {@code recipient}, whole
     * match (group 0): how a test follows a link it was mailed.
     *
     * @throws AssertionError when no message came in time or its text has no such link
     */
    public String awaitLink(String recipient, int index, Pattern link, Duration timeout) {
        Message message = await(recipient, index, timeout);
        Matcher m = link.matcher(message.text());
        if (!m.find()) {
            throw new AssertionError("No link " + link + " in the message to " + recipient + ":\n" + message.text());
        }
        return m.group();
    }

    private static Message read(MimeMessage m) {
        try {
            Address[] to = m.getRecipients(RecipientType.TO);
            List<String> recipients = to == null ? List.of() : Arrays.stream(to)
                    .map(a -> a.toString().replaceAll(".*<(.*)>.*", "$1").toLowerCase(Locale.ROOT)).toList();
            return new Message(recipients, m.getSubject(), text(m.getContent()));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable message: " + e.getMessage(), e);
        }
    }

    /** The text of a message: its body, or the text parts of a multipart one (transfer encodings undone). */
    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/*") || part.getContent() instanceof Multipart) {
                    b.append(text(part.getContent())).append('\n');
                }
            }
            return b.toString();
        }
        return "";
    }

    @Override
    public void close() {
        server.stop();
    }
}
