package fr.guichet.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.token.notice.SecurityProofNoticeJob;
import fr.guichet.token.time.TimeSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: with a fixed clock, the contacts of a habilitation are told 3 months, 1 month and
 * 7 days before its security proof's end, once each.
 */
@QuarkusTest
class SecurityProofNoticeJobTest {

    @Inject
    SecurityProofNoticeJob job;

    @Inject
    MockMailbox mailbox;

    @Test
    void oneMailPerThresholdAndNeverTwice() throws Throwable {
        LocalDate end = LocalDate.now(SecurityProofTest.PARIS).plusMonths(5);
        String email = validatedWithProofUntil("proof-notices-", end).email();

        TestClock clock = new TestClock(at(end.minusMonths(3).minusDays(1)));
        QuarkusMock.installMockForType(clock, TimeSource.class);
        runJob();
        assertEquals(0, mailbox.getMailsSentTo(email).size(), "nothing before three months");

        int expected = 0;
        for (LocalDate day : List.of(end.minusMonths(3), end.minusMonths(1), end.minusDays(7))) {
            clock.set(at(day));
            runJob();
            expected++;
            List<Mail> mails = mailbox.getMailsSentTo(email);
            assertEquals(expected, mails.size(), "exactly one mail on " + day);
            Mail last = mails.get(mails.size() - 1);
            assertTrue(last.getSubject().contains("Preuve de sécurité") && last.getSubject().contains(String.valueOf(end.getYear())),
                    last.getSubject());
            assertTrue(last.getText().contains("homologation de sécurité (RGS)") && last.getText().contains("questionnaire de sécurité"),
                    "says what to send: " + last.getText());
            assertTrue(last.getText().contains("https://partenaires.guichet.test/aide (support@guichet.test)"), "and to whom");
            assertFalse(last.getText().contains("api.gouv.fr"), last.getText());
            assertTrue(last.getTo().contains("tech-" + email) && last.getTo().contains("metier-" + email), "all contacts");
            runJob();
            assertEquals(expected, mailbox.getMailsSentTo(email).size(), "not repeated on " + day);
        }
        clock.set(at(end.plusDays(2)));
        runJob();
        assertEquals(3, mailbox.getMailsSentTo(email).size(), "nothing once the proof has ended");
    }

    @Test
    void missedRunsSendOnlyTheMostUrgentNoticeAndANewProofStartsAfresh() throws Throwable {
        LocalDate today = LocalDate.now(SecurityProofTest.PARIS);
        LocalDate end = today.plusDays(20);
        Demarche d = validatedWithProofUntil("proof-missed-", end);
        String email = d.email();

        // Twenty days before the end: the three-month and one-month notices were missed; one mail.
        TestClock clock = new TestClock(at(today));
        QuarkusMock.installMockForType(clock, TimeSource.class);
        runJob();
        assertEquals(1, mailbox.getMailsSentTo(email).size());
        clock.set(at(end.minusDays(7)));
        runJob();
        assertEquals(2, mailbox.getMailsSentTo(email).size(), "the seven-day notice still goes out");

        // A new proof has its own thresholds; the old one is no longer current.
        SecurityProofTest.putProof(d.admin(), d.habilitation(), SecurityProofTest.homologation("HOMOL-M2", end.minusDays(7), end.plusMonths(2)))
                .statusCode(200);
        runJob();
        assertEquals(3, mailbox.getMailsSentTo(email).size(), "the new proof, ending within three months, has its own notice");
        runJob();
        assertEquals(3, mailbox.getMailsSentTo(email).size());
    }

    /** A validated ENSU habilitation of a new organisation (contacts {@code <prefix><siret>@example.fr}) whose proof ends on {@code end}. */
    private record Demarche(String admin, String habilitation, String email) {
    }

    private static Demarche validatedWithProofUntil(String prefix, LocalDate end) {
        String admin = Fixtures.adminToken();
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        String email = prefix + siret + "@example.fr";
        String habilitation = SecurityProofTest.ensuHabilitation(admin, siret, email);
        Fixtures.validate(admin, habilitation);
        SecurityProofTest.putProof(admin, habilitation, SecurityProofTest.homologation("HOMOL-" + siret, end.minusYears(2), end))
                .statusCode(200);
        return new Demarche(admin, habilitation, email);
    }

    private static java.time.Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(7, 0)).atZone(SecurityProofTest.PARIS).toInstant();
    }

    private void runJob() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> job.run());
    }
}
