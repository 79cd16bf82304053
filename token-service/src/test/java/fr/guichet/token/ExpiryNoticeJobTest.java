package fr.guichet.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.token.notice.ExpiryNoticeJob;
import fr.guichet.token.time.TimeSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Acceptance: with a fixed clock at each threshold, exactly one e-mail per threshold, none repeated. */
@QuarkusTest
class ExpiryNoticeJobTest {

    @Inject
    ExpiryNoticeJob job;

    @Inject
    MockMailbox mailbox;

    @Test
    void oneMailPerThresholdAndNeverTwice() throws Throwable {
        String admin = Fixtures.adminToken();
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        String email = "notices-" + siret + "@example.fr";
        String habilitation = Fixtures.createHabilitation(admin, siret, email);
        Map<String, Object> issued = Fixtures.validate(admin, habilitation);
        Instant end = Instant.ofEpochSecond(((Number) issued.get("exp")).longValue());

        TestClock clock = new TestClock(end.minus(Duration.ofDays(91)));
        QuarkusMock.installMockForType(clock, TimeSource.class);
        runJob();
        assertEquals(0, mailbox.getMailsSentTo(email).size(), "nothing before 90 days");

        int expected = 0;
        for (int threshold : List.of(90, 60, 30, 15, 7, 0)) {
            clock.set(end.minus(Duration.ofDays(threshold)).plus(Duration.ofHours(2)));
            runJob();
            expected++;
            List<Mail> mails = mailbox.getMailsSentTo(email);
            assertEquals(expected, mails.size(), "exactly one mail at " + threshold + " days");
            Mail last = mails.get(mails.size() - 1);
            assertTrue(last.getSubject().contains(threshold == 0 ? "aujourd'hui" : threshold + " jours"), last.getSubject());
            // The platform's own pages, from guichet.token.pages.* (set apart in the test profile).
            assertTrue(last.getText().contains("https://partenaires.guichet.test/habilitations/" + habilitation + "/renouvellement"),
                    last.getText());
            assertTrue(last.getText().contains("https://partenaires.guichet.test/aide (support@guichet.test)"), last.getText());
            assertFalse(last.getText().contains("api.gouv.fr"), last.getText());
            assertTrue(last.getTo().contains("tech-" + email) && last.getTo().contains("metier-" + email), "all contacts");
            // A second run at the same moment (or after a restart: the memory is in PostgreSQL) sends nothing.
            runJob();
            assertEquals(expected, mailbox.getMailsSentTo(email).size(), "not repeated at " + threshold + " days");
        }
        clock.set(end.plus(Duration.ofHours(3)));
        runJob();
        assertEquals(6, mailbox.getMailsSentTo(email).size());
    }

    @Test
    void missedRunsSendOnlyTheMostUrgentNotice() throws Throwable {
        String admin = Fixtures.adminToken();
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        String email = "missed-" + siret + "@example.fr";
        Map<String, Object> issued = Fixtures.validate(admin, Fixtures.createHabilitation(admin, siret, email));
        Instant end = Instant.ofEpochSecond(((Number) issued.get("exp")).longValue());

        TestClock clock = new TestClock(end.minus(Duration.ofDays(25)));
        QuarkusMock.installMockForType(clock, TimeSource.class);
        runJob();
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).getSubject().contains("30 jours"), mails.get(0).getSubject());
        clock.set(end.minus(Duration.ofDays(20)));
        runJob();
        assertEquals(1, mailbox.getMailsSentTo(email).size(), "90 and 60 are superseded, not sent late");
        clock.set(end.minus(Duration.ofDays(14)));
        runJob();
        assertEquals(2, mailbox.getMailsSentTo(email).size());
    }

    private void runJob() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> job.run());
    }
}
