package org.yidan.platform;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A small HTTP client for the integration tests. It keeps the port Arquillian injected but always
 * talks to 127.0.0.1: Payara Micro reports the machine's network address, which tests must not use.
 */
public final class Api {

    private final String root;
    // HTTP/1.1 as hospital systems speak it: the JDK client otherwise upgrades to cleartext HTTP/2, whose connection
    // Payara closed under a roster import of more than twenty seconds ("EOF reached while reading")
    // generous: the 35,000-person roster import (a printed figure, not a timed assertion) took 19-23 s alone and over
    // 60 s once late in a full run on 2 cores (not yet explained); a hang still fails the test
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(300);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String authorization;

    public Api(URL injected) {
        String path = injected.getPath().endsWith("/")
                ? injected.getPath().substring(0, injected.getPath().length() - 1) : injected.getPath();
        this.root = "http://127.0.0.1:" + injected.getPort() + path;
    }

    /** A client with the same address signed in as another user (HTTP Basic). */
    public Api as(String username, String password) {
        Api other = new Api(root);
        other.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return other;
    }

    private Api(String root) {
        this.root = root;
    }

    public String root() {
        return root;
    }

    public Reply get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    public Reply post(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Reply put(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Reply postBytes(String path, String contentType, byte[] body, String... headers) {
        return send(request(path, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + path)).timeout(REQUEST_TIMEOUT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body parsed on demand. */
    public record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public JsonObject json() {
            JsonStructure parsed = Json.createReader(new StringReader(body())).read();
            if (parsed.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new AssertionError("expected a JSON object but got " + body());
            }
            return parsed.asJsonObject();
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}
