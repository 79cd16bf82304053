package fr.guichet.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for services started as processes, chosen before they listen so that peers
 * know each other's addresses.
 *
 * <p>A port the kernel hands out for {@code bind(0)} lies in the ephemeral range
 * ({@code /proc/sys/net/ipv4/ip_local_port_range}, 32768–60999 by default), the same range every
 * outgoing connection of the machine draws its local port from: between the moment a port is
 * chosen and the moment the service binds it, a connection to PostgreSQL, Redis or a peer can
 * take it, and the service exits with "Port … seems to be in use". Ports are therefore chosen
 * below that range, where only an explicit bind can land, and never twice in one JVM.
 */
public final class LoopbackPorts {

    /** The lowest port handed out: above the well-known and most registered service ports. */
    static final int LOWEST = 15000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private LoopbackPorts() {
    }

    /**
     * A loopback port free at the time of the call, below the ephemeral range and not handed out
     * before by this JVM.
     *
     * @throws IllegalStateException when no such port is free
     */
    public static int next() {
        return nextBlock(1);
    }

    /**
     * The first of {@code count} consecutive loopback ports, all free at the time of the call,
     * below the ephemeral range and none handed out before by this JVM (for a launcher that
     * numbers its services from one base port).
     *
     * @throws IllegalStateException when no such block is free
     */
    public static synchronized int nextBlock(int count) {
        int highest = ephemeralLow() - count;
        int span = highest - LOWEST + 1;
        int start = ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int base = LOWEST + (start + i) % span;
            if (blockFree(base, count)) {
                for (int port = base; port < base + count; port++) {
                    HANDED_OUT.add(port);
                }
                return base;
            }
        }
        throw new IllegalStateException("No " + count + " free loopback ports between " + LOWEST + " and " + highest);
    }

    private static boolean blockFree(int base, int count) {
        for (int port = base; port < base + count; port++) {
            if (HANDED_OUT.contains(port) || !free(port)) {
                return false;
            }
        }
        return true;
    }

    /** The first port of the kernel's ephemeral range; 32768 when it cannot be read. */
    static int ephemeralLow() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int low = Integer.parseInt(range.split("\\s+")[0]);
            return low > LOWEST + 1000 ? low : 32768;
        } catch (IOException | RuntimeException e) {
            return 32768;
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
