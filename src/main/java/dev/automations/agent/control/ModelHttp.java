package dev.automations.agent.control;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * LangChain4j's HTTP transport for the turn, over one JDK client shared by all turns. LangChain4j's own JDK transport
 * drops a refusal's headers, so a 429's {@code Retry-After} would be lost; this one keeps it in {@link Refused}. The
 * whole exchange, body included, ends within the timeout: the JDK's request timeout alone stops at the headers.
 */
final class ModelHttp implements HttpClient, HttpClientBuilder {

    private final java.net.http.HttpClient jdk;
    private final Duration timeout;

    ModelHttp(Duration timeout) {
        this.timeout = timeout;
        // HTTP/1.1: some OpenAI-compatible servers mishandle the h2c upgrade of a plain-http POST.
        this.jdk = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** A non-2xx answer, with the server's {@code Retry-After} when it sent one. */
    static final class Refused extends HttpException {
        private final transient Optional<Duration> retryAfter;

        Refused(int status, String body, Optional<Duration> retryAfter) {
            super(status, body);
            this.retryAfter = retryAfter;
        }

        Optional<Duration> retryAfter() {
            return retryAfter;
        }
    }

    /** No exchange with the server: refused or reset connection, unknown host, TLS failure. */
    static final class Unreachable extends RuntimeException {
        Unreachable(Throwable cause) {
            super(cause.toString(), cause);
        }
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder jdkRequest = java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(timeout)
                .method(request.method().name(), request.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach((name, values) -> values.forEach(value -> jdkRequest.header(name, value)));
        HttpResponse<byte[]> response = send(jdkRequest.build());
        if (response.statusCode() / 100 != 2) {
            throw new Refused(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
                    RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null)));
        }
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(response.headers().map()).body(response.body()).build();
    }

    private HttpResponse<byte[]> send(java.net.http.HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> exchange = jdk.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            exchange.cancel(true);
            throw new TimeoutException("no answer within " + timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw new TimeoutException("no answer within " + timeout);
            }
            throw new Unreachable(e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new Unreachable(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("turns do not stream");
    }

    @Override
    public Duration connectTimeout() {
        return timeout;
    }

    /** The timeout is the service's ({@code automations.agent.timeout}), whatever LangChain4j asks for. */
    @Override
    public HttpClientBuilder connectTimeout(Duration ignored) {
        return this;
    }

    @Override
    public Duration readTimeout() {
        return timeout;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration ignored) {
        return this;
    }

    @Override
    public HttpClient build() {
        return this;
    }
}
