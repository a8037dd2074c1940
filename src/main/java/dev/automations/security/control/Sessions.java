package dev.automations.security.control;

import dev.automations.audit.control.AuditLog;
import dev.automations.audit.control.Audited;
import dev.automations.audit.control.Diff;
import dev.automations.platform.control.ApiException;
import dev.automations.platform.control.Clock;
import dev.automations.platform.control.UniqueWrites;
import dev.automations.security.control.Requests.Credentials;
import dev.automations.security.control.Requests.NewToken;
import dev.automations.security.control.Views.NewKey;
import dev.automations.security.control.Views.TokenView;
import dev.automations.security.entity.ApiKey;
import dev.automations.security.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Session tokens (login/logout), API tokens, and turning a presented token into a {@link Caller}. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class Sessions {

    static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofDays(30);
    private static final String BAD_CREDENTIALS = "Incorrect email or password, or the account is suspended.";

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Accounts accounts;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "automations.session-lifetime", defaultValue = "PT24H")
    Duration sessionLifetime;

    /** Failed attempts are audited too, so the 401 must not roll the transaction back. */
    @Transactional(dontRollbackOn = ApiException.class)
    public String login(Credentials credentials) {
        Optional<User> user = em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", User.normalize(credentials.email())).getResultStream().findFirst();
        boolean valid;
        if (user.isPresent()) {
            valid = passwords.verify(credentials.password(), user.get().passwordHash()) && user.get().isActive();
        } else {
            passwords.verifyDecoy(credentials.password());
            valid = false;
        }
        var who = user.map(User::id).orElse(null);
        var name = user.map(User::username).orElse(null);
        if (!valid) {
            audit.record(who, new Audited(Audited.LOGIN, "user", who, name, null, Diff.of().build(), 401));
            throw ApiException.unauthorized(BAD_CREDENTIALS);
        }
        TokenFormat.Token token = TokenFormat.generate();
        em.persist(new ApiKey(token.keyId(), token.hashedSecret(), who, ApiKey.SESSION, null, sessionLifetime, Clock.now()));
        audit.record(who, new Audited(Audited.LOGIN, "user", who, name, null, Diff.of().build(), 201));
        return token.text();
    }

    /** Empty for anything that is not a live token of an active user; a database failure propagates. */
    public Optional<Caller> authenticate(String presented) {
        Optional<TokenFormat.Token> token = TokenFormat.parse(presented);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        List<Object[]> rows = em.createQuery("SELECT k, u FROM ApiKey k, User u WHERE k.keyId = :keyId AND u.id = k.userId", Object[].class)
                .setParameter("keyId", token.get().keyId()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        ApiKey key = (ApiKey) rows.get(0)[0];
        User user = (User) rows.get(0)[1];
        if (!TokenFormat.matches(token.get(), key.hashedSecret()) || key.isExpired(Instant.now()) || !user.isActive()) {
            return Optional.empty();
        }
        return Optional.of(new Caller(user.id(), user.roles(), key.keyId()));
    }

    public void logout() {
        Caller me = caller.get();
        em.createQuery("DELETE FROM ApiKey k WHERE k.keyId = :keyId").setParameter("keyId", me.keyId()).executeUpdate();
        audit.record(me.userId(), new Audited(Audited.LOGOUT, "user", me.userId(), null, null, Diff.of().build(), 200));
    }

    public NewKey createToken(String user, NewToken request) {
        User owner = accounts.subject(user);
        Duration lifetime = request.lifetimeSeconds() == null ? DEFAULT_TOKEN_LIFETIME : Duration.ofSeconds(request.lifetimeSeconds());
        TokenFormat.Token token = TokenFormat.generate();
        ApiKey key = new ApiKey(token.keyId(), token.hashedSecret(), owner.id(), ApiKey.TOKEN, request.tokenName(), lifetime, Clock.now());
        UniqueWrites.persist(em, "A token named \"" + request.tokenName() + "\" already exists.", key);
        var diff = Diff.of().change("token_name", null, key.tokenName()).change("expires_at", null, key.expiresAt()).build();
        audit.record(caller.get().userId(), new Audited(Audited.CREATE, "api_key", key.keyId(), key.tokenName(), null, diff, 201));
        return new NewKey(token.text());
    }

    public List<TokenView> tokens(String user) {
        User owner = accounts.subject(user);
        return em.createNamedQuery(ApiKey.TOKENS_OF, ApiKey.class).setParameter("user", owner.id())
                .getResultStream().map(TokenView::of).toList();
    }

    public void deleteToken(String user, String keyId) {
        User owner = accounts.subject(user);
        ApiKey key = em.createNamedQuery(ApiKey.BY_KEY_ID, ApiKey.class).setParameter("keyId", keyId)
                .getResultStream().filter(k -> k.userId().equals(owner.id())).findFirst()
                .orElseThrow(ApiException::notFound);
        em.remove(key);
        audit.record(caller.get().userId(), new Audited(Audited.DELETE, "api_key", key.keyId(), key.tokenName(), null,
                Diff.of().change("token_name", key.tokenName(), null).build(), 204));
    }
}
