package fr.guichet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A stack starts from an empty Redis database: keys an earlier run left (here a magic-link
 * throttle of the loopback address, which refused the next run's logins) are gone. Runs on the
 * real Redis of scripts/infra.sh, in a database of its own (15), not the stacks' one.
 */
class RedisResetTest {

    static final int DB = 15;
    static final String KEY = "guichet:throttle:auth:magic:ip:127.0.0.1";

    @Test
    void whatAnEarlierRunLeftIsGone() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            RedisReset.command(out, in, "SELECT", Integer.toString(DB));
            RedisReset.command(out, in, "SET", KEY, "21");
            assertEquals(":1", exists(out, in));

            RedisReset.flush(GuichetStack.REDIS, DB);

            assertEquals(":0", exists(out, in));
        }
    }

    static Socket connect() throws Exception {
        int colon = GuichetStack.REDIS.lastIndexOf(':');
        return new Socket(GuichetStack.REDIS.substring(0, colon), Integer.parseInt(GuichetStack.REDIS.substring(colon + 1)));
    }

    static String exists(OutputStream out, InputStream in) throws Exception {
        out.write(("*2\r\n$6\r\nEXISTS\r\n$" + KEY.length() + "\r\n" + KEY + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return RedisReset.line(in);
    }
}
