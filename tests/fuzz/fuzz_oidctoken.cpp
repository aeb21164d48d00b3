// The answers of token endpoints: an OIDC id-token's claims (its expiry decides a refresh), the
// issuer's discovery document and token response during a refresh (through the provider's
// injectable fetch, so no network), and ks-apiserver's /oauth/token answer.
// Input: three parts separated by '\n': the id-token's claims (JSON; the harness wraps them in a
// JWT, so mutations reach the claims instead of breaking base64), the discovery body and the
// token body; the first byte picks the token endpoint's HTTP status.
#include "fuzzcheck.h"
#include "kubeclient/core/base64.h"
#include "kubeclient/kubeconfig/oidcauthprovider.h"
#include "kubeclient/ksaccount/ksaccount.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

std::string_view cut(std::string_view &rest)
{
    const auto newline = rest.find('\n');
    const std::string_view part = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
    return part;
}

std::string jwt(std::string_view claims)
{
    if (claims.empty())
        return {};  // no id-token at all: the provider goes straight to a refresh
    std::string payload = kube::Base64::encode(claims);
    for (char &c : payload)
        c = c == '+' ? '-' : c == '/' ? '_' : c;
    while (!payload.empty() && payload.back() == '=')
        payload.pop_back();
    return "eyJhbGciOiJub25lIn0." + payload + ".c2ln";
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    static const int kStatuses[] = {200, 200, 200, 400, 401, 500};
    const int tokenStatus = kStatuses[data[0] % 6];
    std::string_view rest(reinterpret_cast<const char *>(data) + 1, size - 1);
    const std::string idToken = jwt(cut(rest));
    const std::string discovery(cut(rest));
    const std::string tokenBody(rest);
    const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));

    (void)kube::OidcAuthProvider::idTokenExpiry(idToken);

    kube::OidcSettings settings;
    settings.userName = "fuzz";
    settings.config = {{"idp-issuer-url", "https://issuer.example"}, {"client-id", "tenantry"},
                       {"id-token", idToken}, {"refresh-token", "r"}};
    settings.clock = [now] { return now; };
    settings.fetch = [&](const kube::OidcHttpRequest &request, const kube::CancelTokenPtr &) -> kube::Result<kube::HttpResponse> {
        kube::HttpResponse response;
        if (request.method == "GET") {
            response.status = 200;
            response.body = discovery;
        } else {
            response.status = tokenStatus;
            response.body = tokenBody;
        }
        return response;
    };
    auto provider = kube::OidcAuthProvider::create(settings);
    FUZZ_CHECK(provider.ok(), "a complete OIDC config was refused");
    auto material = (*provider)->current(nullptr);
    if (material.ok()) {
        // A refreshed id-token is what the next call checks the expiry of.
        (void)(*provider)->current(nullptr);
    }

    auto ks = kube::ksaccount::KsToken::fromTokenResponse(tokenBody, now);
    if (ks.ok()) {
        (void)ks->refreshMargin();
        (void)ks->needsRefresh(now);
        auto secret = kube::ksaccount::KsToken::fromSecret(ks->toSecret());
        FUZZ_CHECK(secret.ok(), "toSecret() does not read back");
        FUZZ_CHECK(secret->accessToken == ks->accessToken && secret->refreshToken == ks->refreshToken,
                   "the keyring form lost a token");
    }
    (void)kube::ksaccount::KsToken::fromSecret(tokenBody);
    (void)kube::ksaccount::tokenUsername(idToken);
    return 0;
}
