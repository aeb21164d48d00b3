// Kubernetes Events from a cluster for the audit viewer: access first (a SelfSubjectAccessReview
// per scope, so the answer names what could not be read instead of failing on the first 403),
// then lists, each Event trimmed to a line that says what it is.
#include "kubeclient/audit/kubeevents.h"

#include "kubeclient/api/client.h"
#include "kubeclient/core/objectmeta.h"
#include "kubeclient/rbac/accessreviewer.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

namespace kube::audit {

namespace {

const GroupVersionResource kEvents{"", "v1", "events", true, "Event"};

// A list's items carry no kind or apiVersion: each line must say what it is on its own.
nlohmann::json trimmed(nlohmann::json event)
{
    if (auto it = event.find("metadata"); it != event.end() && it->is_object())
        it->erase("managedFields");
    if (event.is_object()) {
        event["kind"] = "Event";
        event["apiVersion"] = "v1";
    }
    return event;
}

std::string why(const Error &e)
{
    return e.status ? e.status->message.empty() ? e.describe() : e.status->message : e.describe();
}

} // namespace

Result<KubeEventsResult> fetchKubeEvents(Client &client, const KubeEventsRequest &request, const CancelTokenPtr &cancel)
{
    KubeEventsResult out;
    rbac::AccessReviewer reviewer(client);
    auto wide = reviewer.reviewSelf(rbac::RequestAttributes::forResource("list", "", "events"), cancel);
    if (!wide)
        return wide.error().withContext("may I list events");
    const std::set<std::string> wanted(request.namespaces.begin(), request.namespaces.end());
    std::vector<nlohmann::json> events;

    if (wide->allowed) {
        out.clusterWide = true;
        ListOptions options;
        options.limit = 500;
        auto all = client.list(kEvents, "", options, cancel);
        if (!all)
            return all.error();
        for (auto &e : all->items) {
            const std::string ns = ObjectMeta(e).namespaceName();
            if (wanted.count(ns) || (request.clusterScoped && ns == "default" && aboutTenancy(e, request.namespaces)))
                events.push_back(trimmed(std::move(e)));
        }
        out.namespacesRead = wanted.size();
    } else {
        // One review and, when allowed, one list per namespace, on a few threads.
        std::vector<std::string> scopes(wanted.begin(), wanted.end());
        const bool withDefault = request.clusterScoped && !wanted.count("default");
        if (withDefault)
            scopes.push_back("default");
        std::mutex mutex;
        std::atomic<std::size_t> next{0};
        std::optional<Error> fatal;
        std::vector<std::string> unreadable;
        const auto worker = [&] {
            for (;;) {
                const std::size_t i = next++;
                if (i >= scopes.size() || (cancel && cancel->cancelled()))
                    return;
                const std::string &ns = scopes[i];
                const bool onlyTenancy = withDefault && ns == "default";
                auto allowed = reviewer.reviewSelf(rbac::RequestAttributes::forResource("list", "", "events", ns), cancel);
                std::string problem;
                std::vector<nlohmann::json> found;
                if (!allowed) {
                    if (allowed.error().kind == ErrorKind::Cancelled || allowed.error().kind == ErrorKind::Transport
                        || allowed.error().kind == ErrorKind::Tls || allowed.error().kind == ErrorKind::Auth) {
                        std::lock_guard lock(mutex);
                        if (!fatal)
                            fatal = allowed.error();
                        return;
                    }
                    problem = why(allowed.error());
                } else if (!allowed->allowed) {
                    problem = "may not list events";
                    if (!allowed->reason.empty())
                        problem += " (" + allowed->reason + ")";
                } else {
                    ListOptions options;
                    options.limit = 500;
                    auto list = client.list(kEvents, ns, options, cancel);
                    if (!list)
                        problem = why(list.error());
                    else
                        for (auto &e : list->items)
                            if (!onlyTenancy || aboutTenancy(e, request.namespaces))
                                found.push_back(trimmed(std::move(e)));
                }
                std::lock_guard lock(mutex);
                if (!problem.empty())
                    unreadable.push_back("namespace " + ns + (onlyTenancy ? " (cluster-scoped objects)" : "") + ": " + problem);
                else if (!onlyTenancy)
                    ++out.namespacesRead;
                for (auto &e : found)
                    events.push_back(std::move(e));
            }
        };
        const int n = std::clamp<int>(request.threads, 1, int(std::max<std::size_t>(1, scopes.size())));
        std::vector<std::thread> threads;
        for (int t = 1; t < n; ++t)
            threads.emplace_back(worker);
        worker();
        for (auto &t : threads)
            t.join();
        if (fatal)
            return *fatal;
        std::sort(unreadable.begin(), unreadable.end());
        out.unreadable = std::move(unreadable);
    }
    if (cancel && cancel->cancelled())
        return Error::make(ErrorKind::Cancelled, "reading the cluster's Events was cancelled");
    std::stable_sort(events.begin(), events.end(), [](const nlohmann::json &a, const nlohmann::json &b) {
        return kubeEventTimeMs(a) < kubeEventTimeMs(b);
    });
    out.events = std::move(events);
    return out;
}

} // namespace kube::audit
