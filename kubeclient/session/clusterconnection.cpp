// ClusterConnection: kubeconfig → client, whoami and mode detection sent side by side, and the
// reach rule (list namespaces, else rules reviews) shared by the GUI and tenantryctl.
#include "kubeclient/session/clusterconnection.h"

#include "kubeclient/session/sharedwatch.h"
#include "kubeclient/session/tenancyfeed.h"

#include "kubeclient/rbac/selfrules.h"

#include "kubeclient/kubesphere/tenancyapi.h"
#include "kubeclient/ksaccount/kscredentials.h"

#include <algorithm>
#include <future>

namespace kube::session {

namespace {

constexpr long kWatchIdleTimeoutMs = 90'000;

using nlohmann::json;

// Reach checks one namespace per request; a restricted user has a handful, a pinned list
// may have dozens. Eight in flight keeps the wait short without a burst an API server's
// priority-and-fairness would queue.
constexpr std::size_t kReachParallelism = 8;

// A namespace name no one creates (a valid DNS label, so the review is accepted): its review
// holds only cluster-wide rules.
constexpr const char *kBaselineNamespace = rbac::kRulesBaselineNamespace;

bool contains(const json &list, const char *value)
{
    if (!list.is_array())
        return false;
    for (const auto &v : list)
        if (v.is_string() && (v.get<std::string>() == value || v.get<std::string>() == "*"))
            return true;
    return false;
}

json namespaceStub(const std::string &name)
{
    return json{{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name}}}};
}

// Runs f(item) for every item, at most kReachParallelism at a time, results in input order.
template <typename T, typename F>
auto inParallel(const std::vector<T> &items, F f) -> std::vector<decltype(f(items.front()))>
{
    using R = decltype(f(items.front()));
    std::vector<R> out;
    out.reserve(items.size());
    for (std::size_t begin = 0; begin < items.size(); begin += kReachParallelism) {
        const std::size_t end = std::min(items.size(), begin + kReachParallelism);
        std::vector<std::future<R>> running;
        for (std::size_t i = begin; i < end; ++i)
            running.push_back(std::async(std::launch::async, [&f, &items, i] { return f(items[i]); }));
        for (auto &r : running)
            out.push_back(r.get());
    }
    return out;
}

} // namespace

bool ClusterConnection::isTransient(const Error &e)
{
    return e.kind == ErrorKind::Transport || e.kind == ErrorKind::Timeout
        || e.isApi(StatusReason::ServiceUnavailable) || e.isApi(StatusReason::InternalError)
        || e.isApi(StatusReason::Timeout) || e.isApi(StatusReason::TooManyRequests);
}

Result<ClusterConnection> ClusterConnection::open(const ConnectionOptions &options)
{
    Kubeconfig config;
    if (options.config) {
        config = *options.config;
    } else {
        auto loaded = Kubeconfig::loadFromEnvironment(options.kubeconfig);
        if (!loaded)
            return loaded.error();
        config = std::move(*loaded);
    }
    CredentialOptions credentialOptions = options.credentials;
    // A KubeSphere sign-in's context runs `tenantryctl ks-credential`: served in process, so the
    // token is refreshed after a 401 too and no plugin needs approving.
    if (!credentialOptions.execInProcess)
        credentialOptions.execInProcess = ksaccount::KsCredentials::inProcessHook(ksaccount::SecretServiceStore::shared());
    config.setCredentialOptions(credentialOptions);
    auto resolved = config.resolve(options.context);
    if (!resolved)
        return resolved.error();
    auto transport = config.transportConfig(resolved->contextName);
    if (!transport)
        return transport.error();

    ClusterConnection c;
    c.m_contextName = resolved->contextName;
    c.m_clusterName = resolved->clusterName;
    c.m_userName = resolved->userName;
    c.m_server = transport->server;
    c.m_pinned = options.pinnedNamespaces;
    if (auto ns = config.contextNamespace(resolved->contextName))
        c.m_contextNamespace = *ns;
    if (transport->where.empty())
        transport->where = "cluster " + resolved->clusterName + " (" + transport->server + ")";
    if (!options.userAgent.empty())
        transport->userAgent = options.userAgent;
    if (options.requestTimeoutMs > 0)
        transport->requestTimeoutMs = options.requestTimeoutMs;
    if (options.connectTimeoutMs > 0)
        transport->connectTimeoutMs = options.connectTimeoutMs;
    // A watch with no byte for this long is on a dead connection (a half-open one: the peer or
    // a middlebox gone, nothing closed): the transport closes it and the watcher watches again.
    // Without it the watch stays silent until its timeoutSeconds (5 to 10 min), which cannot
    // reach us either. kube-apiserver sends each watcher a bookmark about once a minute, so a
    // live watch is never this quiet; client-go notices the same with HTTP/2 pings (30 + 15 s).
    if (transport->streamIdleTimeoutMs == 0)
        transport->streamIdleTimeoutMs = kWatchIdleTimeoutMs;
    const CredentialProviderPtr transportCredentials = transport->credentials;
    TransportConfig probeConfig = *transport;
    probeConfig.requestTimeoutMs = options.probeTimeoutMs;
    probeConfig.connectTimeoutMs = std::min(probeConfig.connectTimeoutMs, options.probeTimeoutMs);
    c.m_client = std::make_shared<Client>(std::move(*transport));
    c.m_probeClient = std::make_shared<Client>(std::move(probeConfig));
    {
        // One watch per resource for every feed of this connection (tree and permissions).
        c.m_watches = std::make_shared<WatchHub>(listerWatchersOf(c.m_client), feedWatcherOptions({}, true));
    }
    if (options.discoveryDiskCache)
        c.m_client->discovery().setDiskCache(Discovery::cacheDirectory(
            options.discoveryCacheRoot.empty() ? Discovery::defaultCacheRoot() : options.discoveryCacheRoot, c.m_server));

    // whoami and discovery + mode detection do not depend on each other: send them together,
    // so the connect costs the slower of the two round trips, not their sum.
    std::shared_ptr<Client> client = c.m_client;
    const CancelTokenPtr cancel = options.cancel;
    std::future<Result<tenancy::ClusterTenancy>> mode;
    if (options.detectMode)
        mode = std::async(std::launch::async, [client, cancel, override = options.modeOverride] {
            return tenancy::detectTenancy(*client, override, cancel);
        });
    if (options.whoami) {
        auto me = client->whoami(cancel);
        if (me) {
            c.m_identity = std::move(*me);
        } else {
            const Error &e = me.error();
            // Not being able to talk to the cluster is fatal; a server that lacks (or denies)
            // SelfSubjectReview still serves everything else.
            const bool fatal = e.kind != ErrorKind::Api || e.httpCode() == 401;
            if (fatal) {
                if (mode.valid())
                    mode.wait();
                return e;
            }
            c.m_identityError = e;
        }
    }
    // Behind ks-apiserver's proxy kube-apiserver sees ks-apiserver's own identity: the session's
    // identity is the KubeSphere user its token names.
    if (const auto *ks = dynamic_cast<const ksaccount::KsCredentials *>(transportCredentials.get())) {
        c.m_identity = ks->identity();
        c.m_identityError.reset();
        c.m_kubesphereAccount = ks->account();
    }
    if (mode.valid()) {
        auto detected = mode.get();
        if (!detected)
            return detected.error();
        c.m_tenancy = std::move(*detected);
    }
    return c;
}

bool ClusterConnection::serves(const GroupVersionResource &gvr) const
{
    return m_client && m_client->discovery().findResource(gvr.group, gvr.version, gvr.resource).has_value();
}

Result<void> ClusterConnection::probe(const CancelTokenPtr &cancel) const
{
    auto v = m_probeClient->serverVersion(cancel);
    if (!v)
        return v.error();
    return {};
}

Result<nlohmann::json> ClusterConnection::rulesReview(const std::string &ns, const CancelTokenPtr &cancel) const
{
    return rbac::selfRulesReview(*m_client, ns, cancel);
}

Result<bool> ClusterConnection::mayListNamespaces(const CancelTokenPtr &cancel) const
{
    const json body = {{"apiVersion", "authorization.k8s.io/v1"},
                       {"kind", "SelfSubjectAccessReview"},
                       {"spec", {{"resourceAttributes", {{"verb", "list"}, {"resource", "namespaces"}}}}}};
    auto review = m_client->create(tenancy::TenancyApi::selfSubjectAccessReview, {}, body, {}, cancel);
    if (!review)
        return review.error();
    const auto &status = (*review)["status"];
    return status.is_object() && status.value("allowed", false);
}

std::set<std::string> ClusterConnection::namespacesGrantedBy(const nlohmann::json &review)
{
    std::set<std::string> names;
    const json *rules = nullptr;
    if (review.contains("status") && review["status"].contains("resourceRules"))
        rules = &review["status"]["resourceRules"];
    if (!rules || !rules->is_array())
        return names;
    for (const auto &rule : *rules) {
        if (!rule.is_object() || !contains(rule.value("verbs", json()), "get")
            || !contains(rule.value("apiGroups", json()), "") || !contains(rule.value("resources", json()), "namespaces"))
            continue;
        const json resourceNames = rule.value("resourceNames", json());
        if (!resourceNames.is_array())
            continue;
        for (const auto &n : resourceNames)
            if (n.is_string() && !n.get<std::string>().empty())
                names.insert(n.get<std::string>());
    }
    return names;
}

bool ClusterConnection::grantsSomething(const nlohmann::json &review)
{
    if (!review.contains("status") || !review["status"].contains("resourceRules"))
        return false;
    const auto &rules = review["status"]["resourceRules"];
    if (!rules.is_array())
        return false;
    for (const auto &rule : rules) {
        const json groups = rule.is_object() ? rule.value("apiGroups", json()) : json();
        // A reach role's `get namespaces` by name shows in every namespace's review: it says
        // nothing about this one.
        const json resources = rule.is_object() ? rule.value("resources", json()) : json();
        const json names = rule.is_object() ? rule.value("resourceNames", json()) : json();
        if (resources == json::array({"namespaces"}) && names.is_array() && !names.empty())
            continue;
        if (!groups.is_array() || groups.empty())
            return true;
        for (const auto &g : groups) {
            const std::string group = g.is_string() ? g.get<std::string>() : std::string();
            if (group != "authorization.k8s.io" && group != "authentication.k8s.io")
                return true;
        }
    }
    return false;
}

bool ClusterConnection::grantsBeyond(const nlohmann::json &review, const nlohmann::json &baseline)
{
    if (!grantsSomething(review))
        return false;
    const json empty = json::array();
    const json *base = &empty;
    if (baseline.contains("status") && baseline["status"].contains("resourceRules")
        && baseline["status"]["resourceRules"].is_array())
        base = &baseline["status"]["resourceRules"];
    json extra = json::array();
    for (const auto &rule : review["status"]["resourceRules"])
        if (std::find(base->begin(), base->end(), rule) == base->end())
            extra.push_back(rule);
    return grantsSomething(json{{"status", {{"resourceRules", extra}}}});
}

Result<Reach> ClusterConnection::reach(const ReachOptions &options) const
{
    Reach out;
    auto listing = mayListNamespaces(options.cancel);
    // The server not answering is an error; any answer other than "allowed" means no.
    if (!listing && listing.error().kind != ErrorKind::Api)
        return listing.error();
    if (listing && *listing) {
        out.all = true;
        out.sources = "the right to list namespaces";
        return out;
    }

    // Cluster-scoped rules show in every namespace's review. A review in a namespace nobody
    // can have bindings in is the baseline: it finds the names a reach ClusterRole grants, and
    // a candidate counts only when its own review grants more than the baseline does.
    auto baseline = rulesReview(kBaselineNamespace, options.cancel);
    if (!baseline && baseline.error().kind != ErrorKind::Api)
        return baseline.error();
    std::set<std::string> reachable;
    if (baseline) {
        out.fromRules = namespacesGrantedBy(*baseline);
        reachable = out.fromRules;
    }
    const json noRules = json::object();
    const json &base = baseline ? *baseline : noRules;

    std::vector<std::string> candidates;
    auto addCandidate = [&](const std::string &ns) {
        if (!ns.empty() && !reachable.count(ns)
            && std::find(candidates.begin(), candidates.end(), ns) == candidates.end())
            candidates.push_back(ns);
    };
    addCandidate(m_contextNamespace);
    for (const auto &ns : m_pinned)
        addCandidate(ns);
    for (const auto &ns : options.candidates)
        addCandidate(ns);
    const auto granted = inParallel(candidates, [&](const std::string &ns) {
        auto review = rulesReview(ns, options.cancel);
        return review && grantsBeyond(*review, base);
    });
    for (std::size_t i = 0; i < candidates.size(); ++i)
        if (granted[i])
            reachable.insert(candidates[i]);
    out.namespaces.assign(reachable.begin(), reachable.end());
    if (options.fetchObjects) {
        const auto objects = inParallel(out.namespaces, [&](const std::string &ns) {
            return m_client->get(tenancy::TenancyApi::namespaces, {}, ns, options.cancel);
        });
        for (std::size_t i = 0; i < out.namespaces.size(); ++i) {
            if (objects[i]) {
                json object = *objects[i];
                object["apiVersion"] = "v1";
                object["kind"] = "Namespace";
                out.objects.push_back(std::move(object));
            } else {
                out.unreadable.insert(out.namespaces[i]);
                out.objects.push_back(namespaceStub(out.namespaces[i]));
            }
        }
    }

    std::vector<std::string> sources;
    sources.push_back("the rules review");
    if (!m_contextNamespace.empty())
        sources.push_back("the kubeconfig context");
    if (!m_pinned.empty())
        sources.push_back("pinned namespaces");
    if (!options.candidates.empty())
        sources.push_back("the namespaces asked about");
    for (std::size_t i = 0; i < sources.size(); ++i)
        out.sources += (i == 0 ? "" : i + 1 == sources.size() ? " and " : ", ") + sources[i];
    return out;
}

} // namespace kube::session
