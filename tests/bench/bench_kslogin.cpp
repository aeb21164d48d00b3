// KubeSphere account sign-in against the loopback ks-apiserver stand-in (tests/support/ksstandin,
// no cluster): a password grant and a refresh grant (each a new TLS connection, as the CLI makes
// them), and what a request pays for its token once signed in (the provider's cached path).
#include "benchclock.h"

#include "kubeclient/ksaccount/kscredentials.h"
#include "kubeclient/ksaccount/ksoauthclient.h"
#include "tests/support/ksstandin.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <unistd.h>
#include <vector>

using namespace kube::ksaccount;

namespace {

class MemoryStore final : public SecretStore
{
public:
    kube::Result<void> store(const SecretAttributes &a, const std::string &, const std::string &secret) override
    {
        std::lock_guard lock(m_mutex);
        m_items[a] = secret;
        return {};
    }
    kube::Result<std::optional<std::string>> lookup(const SecretAttributes &a) override
    {
        std::lock_guard lock(m_mutex);
        auto it = m_items.find(a);
        return it == m_items.end() ? std::optional<std::string>() : std::optional<std::string>(it->second);
    }
    kube::Result<bool> remove(const SecretAttributes &a) override
    {
        std::lock_guard lock(m_mutex);
        return m_items.erase(a) > 0;
    }
    std::string describe() const override { return "memory"; }

private:
    std::mutex m_mutex;
    std::map<SecretAttributes, std::string> m_items;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    const int rounds = argc > 1 ? std::max(3, std::atoi(argv[1])) : 30;
    testsupport::TestPki pki;
    testsupport::KsStandIn server(pki, {});
    server.addUser("alice", "Alice-Pass-77");
    const std::string caFile = "/tmp/bench-kslogin-ca-" + std::to_string(::getpid()) + ".pem";
    std::ofstream(caFile) << pki.caCertPem();
    auto account = KsAccount::make(server.url(), "alice", caFile, false);
    if (!account) {
        std::fprintf(stderr, "%s\n", account.error().describe().c_str());
        return 1;
    }
    const KsOAuthClient client(account.value());

    std::vector<double> password, refresh;
    std::string refreshToken;
    for (int i = 0; i < rounds; ++i) {
        auto t0 = bench::Clock::now();
        auto token = client.passwordGrant("Alice-Pass-77");
        password.push_back(bench::msSince(t0));
        if (!token) {
            std::fprintf(stderr, "%s\n", token.error().describe().c_str());
            return 1;
        }
        refreshToken = token->refreshToken;
        t0 = bench::Clock::now();
        auto refreshed = client.refresh(refreshToken);
        refresh.push_back(bench::msSince(t0));
        if (!refreshed)
            return 1;
    }

    auto store = std::make_shared<MemoryStore>();
    auto first = client.passwordGrant("Alice-Pass-77");
    (void)store->store(account->secretAttributes(), account->secretLabel(), first->toSecret());
    KsCredentials credentials(account.value(), store);
    (void)credentials.current(nullptr);
    constexpr int kCalls = 200'000;
    const auto t0 = bench::Clock::now();
    for (int i = 0; i < kCalls; ++i)
        (void)credentials.current(nullptr);
    const double perCallNs = bench::msSince(t0) * 1e6 / kCalls;
    std::remove(caFile.c_str());

    std::printf("| step (loopback stand-in, %d rounds) | median |\n|---|---|\n", rounds);
    std::printf("| password grant (TLS connect + POST /oauth/token) | %.2f ms |\n", median(password));
    std::printf("| refresh grant | %.2f ms |\n", median(refresh));
    std::printf("| token for one request once signed in (KsCredentials::current, cached) | %.0f ns |\n", perCallNs);
    return 0;
}
