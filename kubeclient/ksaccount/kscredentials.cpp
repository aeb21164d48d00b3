// Refresh policy: a token is refreshed when it is due (KsToken::needsRefresh) or after a 401.
// Before refreshing, the keyring is read again: another process (kubectl through the plugin, a
// second tenantryctl) may have refreshed already, and with KubeSphere's multipleLogin off that
// refresh revoked the tokens this process holds.
#include "kubeclient/ksaccount/kscredentials.h"

#include <nlohmann/json.hpp>

#include <ctime>

namespace kube::ksaccount {

namespace {

std::string rfc3339(std::chrono::system_clock::time_point t)
{
    const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

} // namespace

KsCredentials::KsCredentials(KsAccount account, SecretStorePtr store, OAuthOptions oauth)
    : m_account(std::move(account)), m_store(std::move(store)), m_oauth(std::move(oauth))
{
}

std::chrono::system_clock::time_point KsCredentials::now() const
{
    return m_oauth.clock ? m_oauth.clock() : std::chrono::system_clock::now();
}

std::string KsCredentials::describe() const { return "KubeSphere account " + m_account.username + " at " + m_account.server; }

int KsCredentials::refreshCount() const
{
    std::lock_guard lock(m_mutex);
    return m_refreshes;
}

void KsCredentials::invalidate()
{
    std::lock_guard lock(m_mutex);
    m_forceRefresh = true;
}

Result<std::optional<KsToken>> KsCredentials::readStore() const
{
    if (!m_store)
        return Error::make(ErrorKind::Auth, "no keyring to read the KubeSphere sign-in from", m_account.server);
    auto secret = m_store->lookup(m_account.secretAttributes());
    if (!secret)
        return secret.error();
    if (!secret.value())
        return std::optional<KsToken>{};
    auto token = KsToken::fromSecret(**secret);
    if (!token)
        return token.error();
    return std::optional<KsToken>(std::move(token.value()));
}

Result<KsToken> KsCredentials::currentLocked(const CancelTokenPtr &cancel)
{
    const auto t = now();
    if (m_forceRefresh && m_token && m_refreshedAt && t - *m_refreshedAt < kRecentRefresh && !m_token->needsRefresh(t)) {
        m_forceRefresh = false;
        return *m_token;
    }
    const bool due = !m_token || m_forceRefresh || m_token->needsRefresh(t);
    if (!due)
        return *m_token;

    auto stored = readStore();
    if (!stored)
        return stored.error();
    if (!stored.value())
        return Error::make(ErrorKind::Auth, "not signed in to KubeSphere as " + m_account.username, m_account.server,
                           "sign in: tenantryctl login kubesphere --server " + m_account.server + " --username "
                               + m_account.username + ", or File → Sign in to KubeSphere…");
    KsToken candidate = std::move(*stored.value());
    const bool newer = !m_token || candidate.accessToken != m_token->accessToken;
    if (newer && !candidate.needsRefresh(t)) {
        m_token = std::move(candidate);
        m_forceRefresh = false;
        return *m_token;
    }
    const std::string refreshToken = newer ? candidate.refreshToken : m_token->refreshToken;
    auto fresh = KsOAuthClient(m_account, m_oauth).refresh(refreshToken, cancel);
    if (!fresh)
        return fresh.error();
    ++m_refreshes;
    m_refreshedAt = t;
    m_token = std::move(fresh.value());
    m_forceRefresh = false;
    if (auto saved = m_store->store(m_account.secretAttributes(), m_account.secretLabel(), m_token->toSecret()); !saved)
        return saved.error();
    return *m_token;
}

Result<KsToken> KsCredentials::token(const CancelTokenPtr &cancel)
{
    std::lock_guard lock(m_mutex);
    return currentLocked(cancel);
}

Result<AuthMaterial> KsCredentials::current(const CancelTokenPtr &cancel)
{
    std::lock_guard lock(m_mutex);
    auto t = currentLocked(cancel);
    if (!t)
        return t.error();
    AuthMaterial material;
    material.bearerToken = t->accessToken;
    return material;
}

UserInfo KsCredentials::identity() const
{
    std::lock_guard lock(m_mutex);
    UserInfo info;
    if (m_token)
        info.username = tokenUsername(m_token->accessToken);
    if (info.username.empty())
        info.username = m_account.username;
    info.groups = {"system:authenticated"};
    return info;
}

std::string KsCredentials::execCredential(const KsToken &token)
{
    nlohmann::ordered_json status;
    status["token"] = token.accessToken;
    if (token.lifetime.count() > 0)
        status["expirationTimestamp"] = rfc3339(token.expiresAt - token.refreshMargin());
    nlohmann::ordered_json out;
    out["apiVersion"] = "client.authentication.k8s.io/v1";
    out["kind"] = "ExecCredential";
    out["status"] = status;
    return out.dump();
}

ExecInProcessHook KsCredentials::inProcessHook(SecretStorePtr store, OAuthOptions oauth)
{
    return [store = std::move(store), oauth = std::move(oauth)](const KubeconfigExecConfig &exec,
                                                                const std::string &where) -> Result<CredentialProviderPtr> {
        auto account = KsAccount::fromExec(exec);
        if (!account) {
            Error e = account.error();
            e.where = where;
            return e;
        }
        if (!account.value())
            return CredentialProviderPtr();
        return CredentialProviderPtr(std::make_shared<KsCredentials>(std::move(*account.value()), store, oauth));
    };
}

} // namespace kube::ksaccount
