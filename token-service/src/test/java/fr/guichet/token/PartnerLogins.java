package fr.guichet.token;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Partner login as a person does it: ask for a link, read it in the (mock) mailbox, exchange it. */
public final class PartnerLogins {

    private static final Pattern LINK = Pattern.compile("jeton=([A-Za-z0-9_-]+)");

    private PartnerLogins() {
    }

    /** Asks a link for {@code email} (sent in upper case: addresses are case-insensitive) and returns its secret. */
    public static String link(MockMailbox mailbox, String email) {
        int before = mailbox.getMailsSentTo(email).size();
        given().contentType(ContentType.JSON).body(Map.of("email", email.toUpperCase()))
                .when().post("/auth/magic-links").then().statusCode(202);
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(before + 1, mails.size());
        return lastLink(mails);
    }

    /** The secret of the link in the last of {@code mails}. */
    public static String lastLink(List<Mail> mails) {
        Matcher m = LINK.matcher(mails.get(mails.size() - 1).getText());
        assertTrue(m.find(), "link in the mail");
        return m.group(1);
    }

    /** A partner session for {@code email}. */
    public static String session(MockMailbox mailbox, String email) {
        return given().contentType(ContentType.JSON).body(Map.of("token", link(mailbox, email)))
                .when().post("/auth/magic-links/session").then().statusCode(200).extract().path("access_token");
    }
}
