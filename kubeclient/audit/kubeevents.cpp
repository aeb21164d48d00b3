// Kubernetes Events as audit rows: access first (a SelfSubjectAccessReview per scope, so the
// answer names what could not be read instead of failing on the first 403), then lists; the
// conversion keeps the Event's own words (reason, reporting component, message).
#include "kubeclient/audit/kubeevents.h"

#include "kubeclient/api/client.h"
#include "kubeclient/core/atomicfile.h"
#include "kubeclient/rbac/accessreviewer.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unistd.h>

namespace kube::audit {

namespace {

const GroupVersionResource kEvents{"", "v1", "events", true, "Event"};

std::string str(const nlohmann::json &o, const char *key)
{
    if (!o.is_object())
        return {};
    const auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const nlohmann::json &member(const nlohmann::json &o, const char *key)
{
    static const nlohmann::json kNull;
    if (!o.is_object())
        return kNull;
    const auto it = o.find(key);
    return it != o.end() ? *it : kNull;
}

std::string groupOf(const std::string &apiVersion)
{
    const auto slash = apiVersion.find('/');
    return slash == std::string::npos ? std::string() : apiVersion.substr(0, slash);
}

// core/v1 names the object `involvedObject`, events.k8s.io/v1 `regarding`.
const nlohmann::json &involved(const nlohmann::json &event)
{
    const auto &a = member(event, "involvedObject");
    return a.is_object() ? a : member(event, "regarding");
}

std::string reporter(const nlohmann::json &event)
{
    std::string r = str(event, "reportingComponent");
    if (r.empty())
        r = str(event, "reportingController");
    if (r.empty())
        r = str(member(event, "source"), "component");
    if (r.empty())
        r = str(member(event, "deprecatedSource"), "component");
    return r;
}

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

bool isKubeEvent(const nlohmann::json &o)
{
    if (!o.is_object() || str(o, "kind") != "Event")
        return false;
    const std::string v = str(o, "apiVersion");
    return (v == "v1" || v == "events.k8s.io/v1" || v == "events.k8s.io/v1beta1")
        && (member(o, "involvedObject").is_object() || member(o, "regarding").is_object());
}

std::int64_t kubeEventTimeMs(const nlohmann::json &event)
{
    const std::string candidates[] = {str(event, "lastTimestamp"), str(member(event, "series"), "lastObservedTime"),
                                      str(event, "eventTime"), str(event, "deprecatedLastTimestamp"),
                                      str(event, "firstTimestamp"), str(member(event, "metadata"), "creationTimestamp")};
    for (const auto &t : candidates) {
        std::int64_t ms = 0;
        if (!t.empty() && parseRfc3339Ms(t, ms))
            return ms;
    }
    return 0;
}

std::string pluralOfKind(const std::string &kind)
{
    std::string k;
    k.reserve(kind.size() + 3);
    for (char c : kind)
        k += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (k.empty() || k == "endpoints")
        return k;
    const auto ends = [&](const char *s) { return k.size() >= std::strlen(s) && k.compare(k.size() - std::strlen(s), std::string::npos, s) == 0; };
    if (ends("s") || ends("x") || ends("ch") || ends("sh"))
        return k + "es";
    if (ends("y") && k.size() > 1 && std::strchr("aeiou", k[k.size() - 2]) == nullptr)
        return k.substr(0, k.size() - 1) + "ies";
    return k + "s";
}

bool aboutTenancy(const nlohmann::json &event, const std::vector<std::string> &namespaces)
{
    const auto &obj = involved(event);
    const std::string kind = str(obj, "kind");
    const std::string group = groupOf(str(obj, "apiVersion"));
    if (kind == "Namespace")
        return std::find(namespaces.begin(), namespaces.end(), str(obj, "name")) != namespaces.end();
    static const std::set<std::string> kGroups = {"tenant.kubesphere.io", "iam.kubesphere.io", "quota.kubesphere.io",
                                                  "rbac.authorization.k8s.io"};
    return kGroups.count(group) > 0;
}

bool scanKubeEvent(const nlohmann::json &event, ScannedEvent &out)
{
    if (!isKubeEvent(event))
        return false;
    const auto &obj = involved(event);
    out.source = SourceKind::KubeEvents;
    out.timeMs = kubeEventTimeMs(event);
    out.stage = Stage::Unknown;
    out.level = Level::Unknown;
    out.decision = Decision::Unknown;
    out.code = 0;
    out.verb = str(event, "reason");
    out.user = reporter(event);
    out.groups.clear();
    const std::string kind = str(obj, "kind");
    out.resource = pluralOfKind(kind);
    out.subresource.clear();
    out.apiGroup = groupOf(str(obj, "apiVersion"));
    out.name = str(obj, "name");
    out.ns = kind == "Namespace" ? out.name : str(obj, "namespace");
    out.workspace.clear();
    if (out.apiGroup == "tenant.kubesphere.io" && (kind == "Workspace" || kind == "WorkspaceTemplate"))
        out.workspace = out.name;
    out.item = 0;
    return true;
}

AuditEvent kubeEventToAuditEvent(const nlohmann::json &event)
{
    AuditEvent e;
    ScannedEvent row;
    if (!scanKubeEvent(event, row)) {
        e.raw = event;
        return e;
    }
    const auto &obj = involved(event);
    e.source = SourceKind::KubeEvents;
    e.timeMs = row.timeMs;
    e.verb = row.verb;
    e.username = row.user;
    e.resource = row.resource;
    e.apiGroup = row.apiGroup;
    e.apiVersion = str(obj, "apiVersion");
    e.ns = row.ns;
    e.name = row.name;
    e.workspace = row.workspace;
    e.auditId = str(member(event, "metadata"), "uid");
    e.statusMessage = str(event, "message");
    if (e.statusMessage.empty())
        e.statusMessage = str(event, "note");  // events.k8s.io/v1
    nlohmann::json notes = nlohmann::json::object();
    for (const char *key : {"type", "reason", "action", "reportingInstance"})
        if (const std::string v = str(event, key); !v.empty())
            notes[key] = v;
    if (const auto &count = member(event, "count"); count.is_number_integer())
        notes["count"] = count;
    else if (const auto &series = member(member(event, "series"), "count"); series.is_number_integer())
        notes["count"] = series;
    if (const std::string host = str(member(event, "source"), "host"); !host.empty())
        notes["host"] = host;
    if (const std::string path = str(obj, "fieldPath"); !path.empty())
        notes["fieldPath"] = path;
    e.annotations = notes;
    e.raw = event;
    return e;
}

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
            const std::string ns = str(member(e, "metadata"), "namespace");
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

Result<void> writeKubeEvents(const std::string &path, const std::vector<nlohmann::json> &events)
{
    std::string text;
    for (const auto &e : events) {
        text += e.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        text += '\n';
    }
    AtomicWriteOptions options;
    options.what = "the cluster's Events";
    return writeFileAtomically(path, text, options);
}

} // namespace kube::audit
