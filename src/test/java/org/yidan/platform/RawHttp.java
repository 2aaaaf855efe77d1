package org.yidan.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what the JDK client will not do: a Host header of the test's choosing,
 * a declared body far larger than what is sent, a request from another loopback source address
 * (127.0.0.2, …) so that the login throttle of one test does not count another's failures. Always
 * connects to 127.0.0.1.
 */
public final class RawHttp {

    /** A status line, headers (lower-case names) and the body read until the connection closes. */
    public record Answer(int status, Map<String, String> headers, String body, long millis) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final int port;
    private final String source;

    public RawHttp(int port, String source) {
        this.port = port;
        this.source = source;
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends the request head and {@code bodyBytesSent} bytes of {@code filler}, then reads the answer
     * (waiting at most {@code timeoutMillis}); {@code head} is everything up to the blank line.
     */
    public Answer exchange(String head, byte[] body, long bodyBytesSent, int timeoutMillis) {
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                long sent = 0;
                try {
                    while (sent < bodyBytesSent) {
                        int n = (int) Math.min(body.length, bodyBytesSent - sent);
                        out.write(body, 0, n);
                        sent += n;
                    }
                    out.flush();
                } catch (IOException closedByServer) {
                    // the server answered and closed without reading the rest: what a refusal should do
                }
            }
            return read(socket.getInputStream(), started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET with optional extra header lines. */
    public Answer get(String path, String host, String... headerLines) {
        StringBuilder head = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close");
        for (String line : headerLines) {
            head.append("\r\n").append(line);
        }
        return exchange(head.toString(), null, 0, 60_000);
    }

    private static Answer read(InputStream in, long started) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                all.write(buffer, 0, n);
                String sofar = all.toString(StandardCharsets.ISO_8859_1);
                int end = sofar.indexOf("\r\n\r\n");
                if (end >= 0) {
                    Map<String, String> headers = headers(sofar.substring(0, end));
                    String length = headers.get("content-length");
                    if (length != null && all.size() >= end + 4 + Integer.parseInt(length)) {
                        break;
                    }
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException stopped) {
            if (all.size() == 0) {
                throw stopped;
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        int status = Integer.parseInt(head.substring(9, 12));
        return new Answer(status, headers(head), end < 0 ? "" : text.substring(end + 4), millis);
    }

    private static Map<String, String> headers(String head) {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
        }
        return headers;
    }
}
