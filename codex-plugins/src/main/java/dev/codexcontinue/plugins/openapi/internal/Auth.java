package dev.codexcontinue.plugins.openapi.internal;

import dev.codexcontinue.api.Secret;
import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.http.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import javax.annotation.Nullable;
import okhttp3.HttpUrl;

/**
 * The credentials the operator configured, added to each request after the approver has seen it (so
 * descriptions never hold them): a bearer token, an API key in a header or in the query, or HTTP
 * basic. Every value is registered with the redactor.
 */
public final class Auth {
  /** No credentials. */
  public static final Auth NONE = new Auth(null, null, null, null, null, null);

  @Nullable private final Secret bearer;
  @Nullable private final String keyHeader;
  @Nullable private final String keyQuery;
  @Nullable private final Secret key;
  @Nullable private final String basicUser;
  @Nullable private final Secret basicPassword;

  private Auth(
      @Nullable Secret bearer,
      @Nullable String keyHeader,
      @Nullable String keyQuery,
      @Nullable Secret key,
      @Nullable String basicUser,
      @Nullable Secret basicPassword) {
    this.bearer = bearer;
    this.keyHeader = keyHeader;
    this.keyQuery = keyQuery;
    this.key = key;
    this.basicUser = basicUser;
    this.basicPassword = basicPassword;
  }

  /** Returns a bearer-token scheme. */
  public static Auth bearer(Secret token) {
    return new Auth(Objects.requireNonNull(token, "token == null"), null, null, null, null, null);
  }

  /** Returns an API key sent in header {@code name}. */
  public static Auth apiKeyHeader(String name, Secret key) {
    return new Auth(null, Objects.requireNonNull(name, "name == null"), null, key, null, null);
  }

  /** Returns an API key sent as query parameter {@code name}. */
  public static Auth apiKeyQuery(String name, Secret key) {
    return new Auth(null, null, Objects.requireNonNull(name, "name == null"), key, null, null);
  }

  /** Returns HTTP basic authentication. */
  public static Auth basic(String user, Secret password) {
    return new Auth(null, null, null, null, Objects.requireNonNull(user, "user == null"), password);
  }

  /** Registers the secret values with {@code redactor} and marks the key header sensitive. */
  public void register(Redactor redactor) {
    for (Secret s : new Secret[] {bearer, key, basicPassword}) {
      if (s != null) {
        redactor.register(s);
      }
    }
    if (keyHeader != null) {
      redactor.sensitiveHeader(keyHeader);
    }
    if (basicUser != null && basicPassword != null) {
      redactor.register(basicToken());
    }
  }

  /** Returns {@code url} with the query key added, if that is the scheme. */
  HttpUrl url(HttpUrl url) {
    return keyQuery != null && key != null
        ? url.newBuilder().addQueryParameter(keyQuery, key.reveal()).build()
        : url;
  }

  /** Adds the header credentials to {@code call}. */
  void headers(HttpCall.Builder call) {
    if (bearer != null) {
      call.header("Authorization", "Bearer " + bearer.reveal());
    }
    if (keyHeader != null && key != null) {
      call.header(keyHeader, key.reveal());
    }
    if (basicUser != null && basicPassword != null) {
      call.header("Authorization", "Basic " + basicToken());
    }
  }

  private String basicToken() {
    String pair = basicUser + ":" + Objects.requireNonNull(basicPassword).reveal();
    return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Auth[****]";
  }
}
