package fr.guichet.gateway.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class EscapingLogFilterTest {

    @Test
    void userDataCannotForgeALogLine() {
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "trace-service refused %s", ExtLogRecord.FormatStyle.PRINTF,
                EscapingLogFilterTest.class.getName());
        record.setParameters(new Object[] {"Paramètre trop long : a\r\n12:00:00 INFO forged line\0"});
        new EscapingLogFilter().isLoggable(record);
        assertEquals("trace-service refused Paramètre trop long : a\\r\\n12:00:00 INFO forged line\\u0000",
                record.getFormattedMessage());
    }

    @Test
    void ordinaryMessagesAreLeftAsTheyAre() {
        String plain = "Providers: [insee=http://127.0.0.1:8083]\tok";
        assertSame(plain, EscapingLogFilter.escape(plain));
    }
}
