// Kubernetes Events as audit rows: recognising, scanning and converting an Event (keeping its own
// words: reason, reporting component, message) and writing them to a file. The fetch from a
// cluster is in kubeeventsfetch.cpp, apart, so the audit parser does not pull in the client.
#include "kubeclient/audit/kubeevents.h"

#include "kubeclient/core/atomicfile.h"
#include "kubeclient/core/jsonfields.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <unistd.h>

namespace kube::audit {

namespace {

std::string str(const nlohmann::json &o, const char *key)
{
    return stringField(o, key);
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
