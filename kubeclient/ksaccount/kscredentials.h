// The credential provider of a KubeSphere sign-in: the access token from the keyring as
// `Authorization: Bearer`, refreshed through the token endpoint before it expires and once
// after the server answered 401; the refreshed tokens go back to the keyring. The same provider
// serves Tenantry's requests in process and `tenantryctl ks-credential` (kubectl's plugin).
#pragma once

#include "kubeclient/api/client.h"
#include "kubeclient/kubeconfig/credentials.h"
#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/ksaccount/ksaccount.h"
#include "kubeclient/ksaccount/ksoauthclient.h"
#include "kubeclient/ksaccount/secretstore.h"

#include <mutex>
#include <optional>
#include <string>

namespace kube::ksaccount {

class KsCredentials final : public CredentialProvider
{
public:
    KsCredentials(KsAccount account, SecretStorePtr store, OAuthOptions oauth = {});

    Result<AuthMaterial> current(const CancelTokenPtr &cancel) override;
    void invalidate() override;
    std::string describe() const override;

    // The token as it stands after current() (refreshed when due); for the ExecCredential.
    Result<KsToken> token(const CancelTokenPtr &cancel);
    // Who the session is: the token's user (its claims), else the account's name, with the
    // group every authenticated KubeSphere user has. What ks-apiserver authorizes, whereas
    // kube-apiserver behind its proxy only ever sees ks-apiserver's own identity.
    UserInfo identity() const;

    const KsAccount &account() const { return m_account; }
    int refreshCount() const;

    // `tenantryctl ks-credential`'s output: an ExecCredential (client.authentication.k8s.io/v1)
    // whose expirationTimestamp is when the token is due for refresh.
    static std::string execCredential(const KsToken &token);

    // The hook a Kubeconfig uses to serve Tenantry's ks-credential plugin in process.
    static ExecInProcessHook inProcessHook(SecretStorePtr store, OAuthOptions oauth = {});

    // A 401 this soon after a refresh is about a token from before it (requests that were in
    // flight together): the fresh token is tried instead of refreshing again, which on a
    // KubeSphere without multipleLogin would revoke the token the other requests just got.
    static constexpr std::chrono::seconds kRecentRefresh{5};

private:
    std::chrono::system_clock::time_point now() const;
    Result<KsToken> currentLocked(const CancelTokenPtr &cancel);
    Result<std::optional<KsToken>> readStore() const;

    KsAccount m_account;
    SecretStorePtr m_store;
    OAuthOptions m_oauth;
    mutable std::mutex m_mutex;
    std::optional<KsToken> m_token;
    bool m_forceRefresh = false;
    std::optional<std::chrono::system_clock::time_point> m_refreshedAt;
    int m_refreshes = 0;
};

} // namespace kube::ksaccount
