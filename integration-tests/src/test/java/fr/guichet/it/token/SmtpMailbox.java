package fr.guichet.it.token;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server on a loopback port standing in for the organisation's mail server, which
 * cannot run here: token-service's production mailer (quarkus-mailer over SMTP, mock off) delivers
 * to it, and a test reads the delivered message as a partner reads his mailbox.
 */
final class SmtpMailbox implements AutoCloseable {

    /** One delivered message: envelope recipients and the decoded text body. */
    record Message(List<String> recipients, String headers, String body) {
    }

    private final ServerSocket server;
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    SmtpMailbox() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "smtp-mailbox");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Waits for a message to {@code recipient} (envelope), delivered after {@code skip} earlier ones to it. */
    Message await(String recipient, int skip, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Message> to = messages.stream().filter(m -> m.recipients().contains(recipient.toLowerCase(Locale.ROOT))).toList();
            if (to.size() > skip) {
                return to.get(skip);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail to " + recipient + " within " + timeout + " (delivered: " + messages.size() + ")");
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> converse(socket), "smtp-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 mailbox.test ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250 mailbox.test");
                    case "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        int lt = line.indexOf('<');
                        int gt = line.indexOf('>');
                        recipients.add(line.substring(lt + 1, gt).toLowerCase(Locale.ROOT));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        StringBuilder data = new StringBuilder();
                        String d;
                        while ((d = in.readLine()) != null && !d.equals(".")) {
                            data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
                        }
                        messages.add(parse(List.copyOf(recipients), data.toString()));
                        reply(out, "250 OK queued");
                    }
                    case "RSET", "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static Message parse(List<String> recipients, String raw) {
        int split = raw.indexOf("\r\n\r\n");
        String headers = split < 0 ? raw : raw.substring(0, split);
        String body = split < 0 ? "" : raw.substring(split + 4);
        String lower = headers.toLowerCase(Locale.ROOT);
        if (lower.contains("content-transfer-encoding: base64")) {
            body = new String(Base64.getMimeDecoder().decode(body.trim()), StandardCharsets.UTF_8);
        } else if (lower.contains("content-transfer-encoding: quoted-printable")) {
            body = quotedPrintable(body);
        }
        return new Message(recipients, headers, body);
    }

    private static String quotedPrintable(String text) {
        String joined = text.replace("=\r\n", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length()) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write((byte) c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
