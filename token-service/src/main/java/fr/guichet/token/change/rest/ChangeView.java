package fr.guichet.token.change.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.guichet.token.change.repository.ChangeNotice;
import fr.guichet.token.change.repository.PlannedChange;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/**
 * A planned change as the admin API shows it; {@code notices} (who was told, when) only on
 * {@code GET /admin/changes/{id}} and in the answer to its announcement.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeView(String id, String title, String description, List<String> apis, List<String> operations,
                         @JsonProperty("production_date") String productionDate, boolean urgent,
                         @JsonProperty("earliest_date") String earliestDate,
                         @JsonProperty("announced_at") String announcedAt,
                         @JsonProperty("announced_by") String announcedBy,
                         List<NoticeView> notices) {

    /**
     * One notice: the technical contact's address, the habilitations it was told for, and when
     * the mail left ({@code sent_at} null while pending; {@code last_error} why the last attempt failed).
     */
    @RegisterForReflection
    public record NoticeView(String email, @JsonProperty("habilitation_ids") List<String> habilitationIds,
                             @JsonProperty("recorded_at") String recordedAt, @JsonProperty("sent_at") String sentAt,
                             int attempts, @JsonProperty("last_error") String lastError) {

        public static NoticeView of(ChangeNotice n) {
            return new NoticeView(n.key.email, n.habilitationIds, text(n.recordedAt), text(n.sentAt), n.attempts, n.lastError);
        }
    }

    /** The change, with its notices when {@code notices} is not null. */
    public static ChangeView of(PlannedChange c, List<ChangeNotice> notices) {
        return new ChangeView(c.id.toString(), c.title, c.description, c.apis, c.operations, c.productionDate.toString(), c.urgent,
                c.earliestDate.toString(), text(c.announcedAt), c.announcedBy,
                notices == null ? null : notices.stream().map(NoticeView::of).toList());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
