package fr.guichet.trace.availability.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The availability report of the last days and of the current month, from the store. */
@ApplicationScoped
public class AvailabilityQueries {

    private final AvailabilityStore store;

    public AvailabilityQueries(AvailabilityStore store) {
        this.store = store;
    }

    /**
     * The last {@code days} days up to {@code today} (included) for every provider observed in them
     * or in the current month, in the order of their keys.
     */
    public AvailabilityReport report(int days, LocalDate today) {
        LocalDate from = today.minusDays(days - 1L);
        YearMonth month = YearMonth.from(today);
        LocalDate readFrom = from.isBefore(month.atDay(1)) ? from : month.atDay(1);
        Map<String, Map<LocalDate, AvailabilityStore.Row>> byProvider = new TreeMap<>();
        for (AvailabilityStore.Row row : store.between(readFrom, today)) {
            byProvider.computeIfAbsent(row.provider(), p -> new HashMap<>()).put(row.day(), row);
        }
        List<AvailabilityReport.Provider> providers = new ArrayList<>();
        byProvider.forEach((provider, rows) -> {
            List<AvailabilityReport.Day> list = new ArrayList<>(days);
            for (LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
                AvailabilityStore.Row r = rows.get(d);
                list.add(r == null ? new AvailabilityReport.Day(d.toString(), 0, 0, 0, null)
                        : new AvailabilityReport.Day(d.toString(), r.upMinutes(), r.downMinutes(), r.maintenanceMinutes(),
                                AvailabilityReport.ratio(r.upMinutes(), r.downMinutes(), r.maintenanceMinutes())));
            }
            long up = 0;
            long down = 0;
            long maintenance = 0;
            for (AvailabilityStore.Row r : rows.values()) {
                if (YearMonth.from(r.day()).equals(month)) {
                    up += r.upMinutes();
                    down += r.downMinutes();
                    maintenance += r.maintenanceMinutes();
                }
            }
            providers.add(new AvailabilityReport.Provider(provider, List.copyOf(list),
                    new AvailabilityReport.Month(month.toString(), AvailabilityReport.ratio(up, down, maintenance))));
        });
        return new AvailabilityReport(List.copyOf(providers));
    }
}
