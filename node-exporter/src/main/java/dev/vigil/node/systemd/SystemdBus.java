package dev.vigil.node.systemd;

import dev.vigil.exporter.NoDataException;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.freedesktop.dbus.connections.impl.DirectConnection;
import org.freedesktop.dbus.connections.impl.DirectConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.messages.Error;
import org.freedesktop.dbus.messages.Message;
import org.freedesktop.dbus.messages.MethodCall;
import org.freedesktop.dbus.types.Variant;

/**
 * One long-lived D-Bus connection to systemd's manager, made on first use and made again after it
 * breaks: on the system bus (node_exporter's default), or straight to systemd's private socket.
 *
 * <p>Every call has a deadline; a call that misses it, or a connection that drops, closes the
 * connection so that the next scrape starts afresh. Property reads are pipelined, with at most
 * {@link #MAX_IN_FLIGHT} calls waiting at once (the system bus limits a connection's pending
 * replies). Nothing here logs: the collector decides what is worth a log line.
 *
 * <p>The connection is dbus-java's {@link DirectConnection}, which says {@code Hello} to the bus
 * itself: unlike dbus-java's bus connection it needs no machine-id file, which containers often
 * lack, and it starts no signal machinery the collector does not use.
 */
public final class SystemdBus implements AutoCloseable {
    /** The system bus when {@code DBUS_SYSTEM_BUS_ADDRESS} does not say otherwise (as godbus). */
    public static final String DEFAULT_SYSTEM_BUS_ADDRESS = "unix:path=/var/run/dbus/system_bus_socket";
    /** systemd's own socket, used with {@code --collector.systemd.private} (root only). */
    public static final String PRIVATE_ADDRESS = "unix:path=/run/systemd/private";
    /** The environment variable (or, taking precedence, Java system property) naming the system bus. */
    public static final String ADDRESS_VARIABLE = "DBUS_SYSTEM_BUS_ADDRESS";
    /** At most this many calls await their replies at once; dbus-daemon's own limit is higher. */
    public static final int MAX_IN_FLIGHT = 32;

    static final String SYSTEMD = "org.freedesktop.systemd1";
    static final String MANAGER_PATH = "/org/freedesktop/systemd1";
    static final String MANAGER = "org.freedesktop.systemd1.Manager";
    private static final String PROPERTIES = "org.freedesktop.DBus.Properties";
    /** How long a wait for a reply lasts before the connection's health is checked again. */
    private static final long WAIT_SLICE_MILLIS = 200;

    /**
     * dbus-java logs every connection at INFO and every message at FINE: warnings and up only. Held
     * strongly (java.util.logging keeps loggers weakly) and set per instance, after the exporter's
     * logging setup has reset every level.
     */
    private static final Logger DBUS_JAVA_LOG = Logger.getLogger("org.freedesktop.dbus");

    private final List<String> addresses;
    private final boolean viaBus;
    private final long timeoutNanos;
    private DirectConnection connection;

    /** One {@code org.freedesktop.DBus.Properties.Get} to make. */
    public record PropertyRequest(String path, String iface, String property) {
    }

    /** A property that could not be read, as the place of its value in {@link #getProperties}'s result. */
    public record PropertyError(String name, String message) {
        @Override
        public String toString() {
            return name + ": " + message;
        }
    }

    /** A call systemd (or the bus) answered with an error. */
    public static final class CallFailedException extends IOException {
        private final String errorName;

        CallFailedException(String errorName, String message) {
            super(errorName + ": " + message);
            this.errorName = errorName;
        }

        public String errorName() {
            return errorName;
        }
    }

    /**
     * @param address a D-Bus address, or several separated by {@code ;} to try in turn
     * @param viaBus whether the address is a message bus (say {@code Hello} first) rather than
     *     systemd's private socket
     * @param callTimeout how long any one call may take
     */
    public SystemdBus(String address, boolean viaBus, Duration callTimeout) {
        this.addresses = List.of(address.split(";"));
        this.viaBus = viaBus;
        this.timeoutNanos = callTimeout.toNanos();
        DBUS_JAVA_LOG.setLevel(Level.WARNING);
    }

    /**
     * The system bus's address: the {@code DBUS_SYSTEM_BUS_ADDRESS} system property, else the
     * environment variable of that name, else {@link #DEFAULT_SYSTEM_BUS_ADDRESS}.
     */
    public static String systemBusAddress() {
        String address = System.getProperty(ADDRESS_VARIABLE);
        if (address == null || address.isBlank()) {
            address = System.getenv(ADDRESS_VARIABLE);
        }
        return address == null || address.isBlank() ? DEFAULT_SYSTEM_BUS_ADDRESS : address.strip();
    }

    /** The addresses tried, joined as given. */
    public String address() {
        return String.join(";", addresses);
    }

    /** Whether a connection is open now. */
    public synchronized boolean isConnected() {
        return connection != null && connection.isConnected();
    }

    /**
     * Connects unless connected.
     *
     * @throws NoDataException when no socket exists at any of the addresses, or none accepts
     *     connections: there is no bus (or no systemd) to ask
     * @throws IOException when a bus is there but the connection or its {@code Hello} fails
     */
    public synchronized void connect() throws IOException {
        if (isConnected()) {
            return;
        }
        close();
        IOException failure = null;
        boolean absent = true;
        for (String address : addresses) {
            Path socket = unixPath(address);
            if (socket != null && !Files.exists(socket)) {
                failure = new NoDataException("no D-Bus socket at " + socket);
                continue;
            }
            try {
                connection = open(address);
                return;
            } catch (IOException e) {
                boolean refused = isRefused(e);
                absent &= refused;
                failure = refused ? new NoDataException("nothing listens at " + address + ": " + rootMessage(e)) : e;
            }
        }
        if (failure == null) {
            throw new IOException("no D-Bus address given");
        }
        throw absent && !(failure instanceof NoDataException) ? new NoDataException(failure.getMessage()) : failure;
    }

    private DirectConnection open(String address) throws IOException {
        DirectConnection opened;
        try {
            opened = DirectConnectionBuilder.forAddress(address)
                    .transportConfig().withTimeout((int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)))
                    .back()
                    .build();
        } catch (DBusException | RuntimeException e) {
            throw new IOException("cannot connect to " + address + ": " + rootMessage(e), e);
        }
        if (viaBus) {
            connection = opened;
            try {
                call("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "Hello", null);
            } catch (IOException e) {
                close();
                throw new IOException("D-Bus Hello at " + address + " failed: " + e.getMessage(), e);
            }
        }
        return opened;
    }

    /** Closes the connection, if any; the next call connects again. */
    @Override
    public synchronized void close() {
        DirectConnection open = connection;
        connection = null;
        if (open != null) {
            open.disconnect();
        }
    }

    /**
     * The manager's units ({@code ListUnits}).
     *
     * @throws CallFailedException if systemd answers with an error
     */
    public List<Unit> listUnits() throws IOException {
        Object[] reply = call(SYSTEMD, MANAGER_PATH, MANAGER, "ListUnits", null);
        try {
            return Unit.fromListUnits(reply.length == 0 ? null : reply[0]);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** A request for a property of the manager object, e.g. {@code Version}. */
    public static PropertyRequest managerProperty(String property) {
        return new PropertyRequest(MANAGER_PATH, MANAGER, property);
    }

    /**
     * Reads properties with {@code org.freedesktop.DBus.Properties.Get}, pipelined. Each element of
     * the result is the property's value ({@code String}, {@code UInt32}, {@code UInt64}, ...) or a
     * {@link PropertyError} if that one read failed.
     *
     * @throws IOException if the connection fails or a reply does not come in time (the
     *     connection is closed then)
     */
    public Object[] getProperties(List<PropertyRequest> requests) throws IOException {
        Object[] values = new Object[requests.size()];
        ArrayDeque<MethodCall> inFlight = new ArrayDeque<>(Math.min(MAX_IN_FLIGHT, requests.size()) + 1);
        ArrayDeque<Long> deadlines = new ArrayDeque<>(Math.min(MAX_IN_FLIGHT, requests.size()) + 1);
        int received = 0;
        for (PropertyRequest request : requests) {
            if (inFlight.size() == MAX_IN_FLIGHT) {
                values[received++] = propertyValue(await(inFlight.poll(), deadlines.poll()));
            }
            inFlight.add(send(SYSTEMD, request.path(), PROPERTIES, "Get", "ss", request.iface(), request.property()));
            deadlines.add(System.nanoTime() + timeoutNanos);
        }
        while (!inFlight.isEmpty()) {
            values[received++] = propertyValue(await(inFlight.poll(), deadlines.poll()));
        }
        return values;
    }

    private static Object propertyValue(Message reply) throws IOException {
        if (reply instanceof Error error) {
            return new PropertyError(error.getName(), errorMessage(error));
        }
        Object[] parameters = parameters(reply);
        if (parameters.length == 0) {
            return new PropertyError("vigil.EmptyReply", "Get returned nothing");
        }
        Object value = parameters[0];
        return value instanceof Variant<?> variant ? variant.getValue() : value;
    }

    /** One call, waited for. */
    private Object[] call(String destination, String path, String iface, String member, String signature,
            Object... args) throws IOException {
        Message reply = await(send(destination, path, iface, member, signature, args), System.nanoTime() + timeoutNanos);
        if (reply instanceof Error error) {
            throw new CallFailedException(error.getName(), errorMessage(error));
        }
        return parameters(reply);
    }

    private MethodCall send(String destination, String path, String iface, String member, String signature,
            Object... args) throws IOException {
        DirectConnection open = openConnection();
        try {
            MethodCall call = open.getMessageFactory().createMethodCall(destination, path, iface, member, (byte) 0,
                    signature, args);
            open.sendMessage(call);
            return call;
        } catch (DBusException | RuntimeException e) {
            close();
            throw new IOException("cannot send " + iface + "." + member + " to systemd: " + rootMessage(e), e);
        }
    }

    private Message await(MethodCall call, long deadline) throws IOException {
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                close();
                throw new IOException(call.getInterface() + "." + call.getName() + " on " + call.getPath()
                        + ": no reply within " + Duration.ofNanos(timeoutNanos).toMillis() + "ms");
            }
            Message reply = call.getReply(Math.max(1, Math.min(WAIT_SLICE_MILLIS, TimeUnit.NANOSECONDS.toMillis(left))));
            if (reply != null) {
                return reply;
            }
            if (Thread.currentThread().isInterrupted()) {
                close();
                throw new IOException("interrupted while waiting for systemd");
            }
            if (!isConnected()) {
                close();
                throw new IOException("D-Bus connection lost while waiting for " + call.getName());
            }
        }
    }

    private synchronized DirectConnection openConnection() throws IOException {
        if (connection == null || !connection.isConnected()) {
            throw new IOException("not connected to D-Bus");
        }
        return connection;
    }

    private static Object[] parameters(Message reply) throws IOException {
        try {
            Object[] parameters = reply.getParameters();
            return parameters == null ? new Object[0] : parameters;
        } catch (DBusException | RuntimeException e) {
            throw new IOException("cannot decode the reply to " + reply.getName() + ": " + rootMessage(e), e);
        }
    }

    private static String errorMessage(Error error) {
        try {
            Object[] parameters = error.getParameters();
            return parameters != null && parameters.length > 0 ? String.valueOf(parameters[0]) : "";
        } catch (DBusException | RuntimeException e) {
            return "";
        }
    }

    /** The socket file of a {@code unix:path=...} address, else null. */
    static Path unixPath(String address) {
        if (!address.startsWith("unix:")) {
            return null;
        }
        for (String pair : address.substring(5).split(",")) {
            if (pair.startsWith("path=")) {
                return Path.of(unescape(pair.substring(5)));
            }
        }
        return null;
    }

    /** D-Bus address values escape bytes as {@code %xx}. */
    private static String unescape(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int code = c == '%' && i + 2 < value.length() && HexFormat.isHexDigit(value.charAt(i + 1))
                    && HexFormat.isHexDigit(value.charAt(i + 2)) ? HexFormat.fromHexDigits(value, i + 1, i + 3) : -1;
            if (code >= 0) {
                out.append((char) code);
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isRefused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoSuchFileException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("Connection refused") || message.contains("No such file"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
