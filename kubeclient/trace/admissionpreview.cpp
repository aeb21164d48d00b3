// LimitRanger, ResourceQuota and Pod Security admission, restated for one write. The wording of
// each refusal follows kube-apiserver's (plugin/pkg/admission/limitranger, resourcequota,
// pod-security-admission/policy) so a trace and the server's dry run read alike.
#include "kubeclient/trace/admissionpreview.h"

#include "kubeclient/core/objectmeta.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace kube::trace {

namespace {

using nlohmann::json;

const json &field(const json &object, const char *key)
{
    static const json empty;
    if (!object.is_object())
        return empty;
    auto it = object.find(key);
    return it == object.end() ? empty : *it;
}

ResourceAmounts amountsOf(const json &list)
{
    ResourceAmounts out;
    if (!list.is_object())
        return out;
    for (const auto &[key, value] : list.items())
        if (auto q = Quantity::fromJson(value))
            out[key] = *q;
    return out;
}

json amountsToJson(const ResourceAmounts &amounts)
{
    json out = json::object();
    for (const auto &[key, q] : amounts)
        out[key] = q.toString();
    return out;
}

std::string trim(std::string s)
{
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

bool isPodRequest(const rbac::RequestAttributes &r)
{
    return r.isResourceRequest && r.apiGroup.empty() && r.resource == "pods" && r.subresource.empty();
}

// The LimitRange item with the API server's defaulting (SetDefaults_LimitRangeItem): a max
// without default becomes the default limit, a default limit without defaultRequest the default
// request, a min without defaultRequest the default request.
struct LimitItem {
    std::string type;
    ResourceAmounts max, min, def, defRequest, ratio;
};

LimitItem limitItemOf(const json &item)
{
    LimitItem l;
    l.type = field(item, "type").is_string() ? field(item, "type").get<std::string>() : std::string();
    l.max = amountsOf(field(item, "max"));
    l.min = amountsOf(field(item, "min"));
    l.def = amountsOf(field(item, "default"));
    l.defRequest = amountsOf(field(item, "defaultRequest"));
    l.ratio = amountsOf(field(item, "maxLimitRequestRatio"));
    if (l.type == "Container") {
        for (const auto &[k, v] : l.max)
            l.def.emplace(k, v);
        for (const auto &[k, v] : l.def)
            l.defRequest.emplace(k, v);
        for (const auto &[k, v] : l.min)
            l.defRequest.emplace(k, v);
    }
    return l;
}

// LimitRanger's bound checks on one set of requests/limits (a container or the pod's sum).
void checkBounds(const LimitItem &l, const char *what, const ResourceAmounts &requests, const ResourceAmounts &limits,
                 std::vector<std::string> &out)
{
    for (const auto &[k, min] : l.min) {
        auto r = requests.find(k);
        if (r == requests.end())
            out.push_back(std::string("minimum ") + k + " usage per " + what + " is " + min.toString() +
                          ".  No request is specified");
        else if (r->second < min)
            out.push_back(std::string("minimum ") + k + " usage per " + what + " is " + min.toString() + ", but request is " +
                          r->second.toString());
    }
    for (const auto &[k, max] : l.max) {
        auto lim = limits.find(k);
        if (lim == limits.end())
            out.push_back(std::string("maximum ") + k + " usage per " + what + " is " + max.toString() +
                          ".  No limit is specified");
        else if (lim->second > max)
            out.push_back(std::string("maximum ") + k + " usage per " + what + " is " + max.toString() + ", but limit is " +
                          lim->second.toString());
    }
    for (const auto &[k, ratio] : l.ratio) {
        auto lim = limits.find(k);
        auto req = requests.find(k);
        if (lim == limits.end() || req == requests.end() || req->second.isZero())
            continue;
        // limit / request > ratio  <=>  limit > ratio * request; compared in milli-units.
        const double actual = lim->second.asApproximateFloat() / req->second.asApproximateFloat();
        if (actual > ratio.asApproximateFloat())
            out.push_back(std::string(what) + " [" + k + "] max limit to request ratio per " + what + " is " +
                          ratio.toString() + ", but provided ratio is " + std::to_string(actual).substr(0, 6));
    }
}

bool truthy(const json &j)
{
    return j.is_boolean() && j.get<bool>();
}

std::vector<const json *> containersOf(const json &pod)
{
    std::vector<const json *> out;
    const json &spec = field(pod, "spec");
    for (const char *key : {"initContainers", "containers", "ephemeralContainers"})
        if (field(spec, key).is_array())
            for (const auto &c : field(spec, key))
                out.push_back(&c);
    return out;
}

std::string nameOf(const json &container)
{
    return field(container, "name").is_string() ? field(container, "name").get<std::string>() : std::string();
}

std::string quoteList(const std::vector<std::string> &names)
{
    std::string out;
    for (size_t i = 0; i < names.size(); ++i)
        out += (i ? ", " : "") + ("\"" + names[i] + "\"");
    return out;
}

// "container \"a\"" / "containers \"a\", \"b\""
std::string containerWord(const std::vector<std::string> &names)
{
    return (names.size() == 1 ? "container " : "containers ") + quoteList(names);
}

} // namespace

Result<ResourceAmounts> parseResourceAmounts(const std::string &text, const std::string &fieldName)
{
    ResourceAmounts out;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        item = trim(item);
        if (item.empty())
            continue;
        const auto eq = item.find('=');
        if (eq == std::string::npos || eq == 0)
            return Error::make(ErrorKind::Invalid, fieldName + ": \"" + item + "\" is not NAME=QUANTITY", {},
                               "for example cpu=100m,memory=64Mi");
        const std::string key = trim(item.substr(0, eq));
        auto q = Quantity::parse(trim(item.substr(eq + 1)));
        if (!q)
            return Error::make(ErrorKind::Invalid, fieldName + ": \"" + item + "\" is not a quantity", {},
                               "for example cpu=100m,memory=64Mi");
        if (q->sign() < 0)
            return Error::make(ErrorKind::Invalid, fieldName + ": \"" + item + "\" is negative");
        out[key] = *q;
    }
    return out;
}

std::string formatAmounts(const ResourceAmounts &amounts)
{
    std::string out;
    for (const auto &[k, q] : amounts)
        out += (out.empty() ? "" : ", ") + k + "=" + q.toString();
    return out.empty() ? std::string("none") : out;
}

json probeObject(const ProbeTarget &t, const ResourceAmounts &requests)
{
    json meta = json::object();
    if (t.name.empty())
        meta["generateName"] = "tenantry-trace-";
    else
        meta["name"] = t.name;
    if (!t.ns.empty())
        meta["namespace"] = t.ns;
    const std::string apiVersion = t.group.empty() ? t.version : t.group + "/" + t.version;
    json o = {{"apiVersion", apiVersion}, {"kind", t.kind}, {"metadata", meta}};
    auto podSpec = [&] {
        json container = {{"name", kProbeContainer}, {"image", kProbeImage}};
        if (!requests.empty())
            container["resources"] = {{"requests", amountsToJson(requests)}};
        return json{{"containers", json::array({container})}, {"automountServiceAccountToken", false}};
    };
    const std::string &r = t.resource;
    if (t.group.empty() && r == "pods") {
        o["spec"] = podSpec();
    } else if (t.group.empty() && r == "configmaps") {
        o["data"] = json::object();
    } else if (t.group.empty() && r == "secrets") {
        o["type"] = "Opaque";
    } else if (t.group.empty() && r == "services") {
        o["spec"] = {{"ports", json::array({{{"port", 80}}})}};
    } else if (t.group.empty() && r == "persistentvolumeclaims") {
        o["spec"] = {{"accessModes", json::array({"ReadWriteOnce"})},
                     {"resources", {{"requests", {{"storage", "1Gi"}}}}}};
    } else if (t.group == "apps" && (r == "deployments" || r == "replicasets" || r == "statefulsets" || r == "daemonsets")) {
        const json labels = {{"app", "tenantry-trace"}};
        o["spec"] = {{"selector", {{"matchLabels", labels}}}, {"template", {{"metadata", {{"labels", labels}}}, {"spec", podSpec()}}}};
        if (r != "daemonsets")
            o["spec"]["replicas"] = 1;
        if (r == "statefulsets")
            o["spec"]["serviceName"] = "tenantry-trace";
    } else if (t.group == "batch" && r == "jobs") {
        json spec = podSpec();
        spec["restartPolicy"] = "Never";
        o["spec"] = {{"template", {{"spec", spec}}}};
    } else if (t.group.empty() && r == "resourcequotas") {
        o["spec"] = {{"hard", {{"pods", "10"}}}};
    } else if (t.group.empty() && r == "limitranges") {
        o["spec"] = {{"limits", json::array({{{"type", "Container"}, {"default", {{"cpu", "500m"}}}}})}};
    }
    return o;
}

bool QuotaEffect::refuses() const
{
    if (!matches)
        return false;
    if (!mustSpecify.empty() || !unknownUsage.empty())
        return true;
    return std::any_of(charges.begin(), charges.end(), [](const QuotaCharge &c) { return c.exceeded; });
}

const char *toString(PodSecurityLevel level)
{
    switch (level) {
    case PodSecurityLevel::Privileged: return "privileged";
    case PodSecurityLevel::Baseline: return "baseline";
    case PodSecurityLevel::Restricted: return "restricted";
    }
    return "privileged";
}

std::optional<PodSecurityLevel> podSecurityLevelFromString(const std::string &text)
{
    if (text == "privileged")
        return PodSecurityLevel::Privileged;
    if (text == "baseline")
        return PodSecurityLevel::Baseline;
    if (text == "restricted")
        return PodSecurityLevel::Restricted;
    return std::nullopt;
}

std::vector<std::string> podSecurityViolations(const json &pod, PodSecurityLevel level)
{
    std::vector<std::string> out;
    if (level == PodSecurityLevel::Privileged)
        return out;
    const json &spec = field(pod, "spec");
    const json &podCtx = field(spec, "securityContext");
    const auto containers = containersOf(pod);

    // Baseline.
    std::vector<std::string> hostNs;
    for (const char *key : {"hostNetwork", "hostPID", "hostIPC"})
        if (truthy(field(spec, key)))
            hostNs.push_back(std::string(key) + "=true");
    if (!hostNs.empty()) {
        std::string joined;
        for (const auto &h : hostNs)
            joined += (joined.empty() ? "" : ", ") + h;
        out.push_back("host namespaces (" + joined + ")");
    }
    std::vector<std::string> privileged, badCaps, hostPorts;
    std::set<std::string> capsAdded;
    static const std::set<std::string> baselineCaps = {"AUDIT_WRITE", "CHOWN",  "DAC_OVERRIDE", "FOWNER",
                                                       "FSETID",      "KILL",   "MKNOD",        "NET_BIND_SERVICE",
                                                       "SETFCAP",     "SETGID", "SETPCAP",      "SETUID",
                                                       "SYS_CHROOT"};
    for (const json *c : containers) {
        const json &ctx = field(*c, "securityContext");
        if (truthy(field(ctx, "privileged")))
            privileged.push_back(nameOf(*c));
        bool bad = false;
        for (const auto &cap : field(field(ctx, "capabilities"), "add"))
            if (cap.is_string() && !baselineCaps.count(cap.get<std::string>())) {
                capsAdded.insert(cap.get<std::string>());
                bad = true;
            }
        if (bad)
            badCaps.push_back(nameOf(*c));
        for (const auto &p : field(*c, "ports"))
            if (field(p, "hostPort").is_number_integer() && field(p, "hostPort").get<long>() != 0)
                hostPorts.push_back(nameOf(*c));
    }
    if (!privileged.empty())
        out.push_back("privileged (" + containerWord(privileged) + " must not set securityContext.privileged=true)");
    if (!badCaps.empty()) {
        std::vector<std::string> caps(capsAdded.begin(), capsAdded.end());
        out.push_back("non-default capabilities (" + containerWord(badCaps) + " must not include " + quoteList(caps) +
                      " in securityContext.capabilities.add)");
    }
    std::vector<std::string> hostPathVolumes, restrictedVolumes;
    static const std::set<std::string> allowedVolumes = {"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
                                                         "persistentVolumeClaim", "projected", "secret"};
    for (const auto &v : field(spec, "volumes")) {
        const std::string name = nameOf(v);
        if (v.contains("hostPath"))
            hostPathVolumes.push_back(name);
        for (const auto &[key, value] : v.items())
            if (key != "name" && !allowedVolumes.count(key))
                restrictedVolumes.push_back(name + "\" uses restricted volume type \"" + key);
    }
    if (!hostPathVolumes.empty())
        out.push_back("hostPath volumes (volume" + std::string(hostPathVolumes.size() > 1 ? "s " : " ") +
                      quoteList(hostPathVolumes) + ")");
    if (!hostPorts.empty())
        out.push_back("hostPort (" + containerWord(hostPorts) + " uses hostPort)");
    if (level == PodSecurityLevel::Baseline)
        return out;

    // Restricted.
    for (const auto &r : restrictedVolumes)
        out.push_back("restricted volume types (volume \"" + r + "\")");
    std::vector<std::string> escalation, capsNotDropped, rootContainers, seccomp, uidZero;
    const bool podNonRoot = truthy(field(podCtx, "runAsNonRoot"));
    const std::string podSeccomp = field(field(podCtx, "seccompProfile"), "type").is_string()
        ? field(field(podCtx, "seccompProfile"), "type").get<std::string>()
        : std::string();
    for (const json *c : containers) {
        const json &ctx = field(*c, "securityContext");
        const std::string name = nameOf(*c);
        if (!(field(ctx, "allowPrivilegeEscalation").is_boolean() && !field(ctx, "allowPrivilegeEscalation").get<bool>()))
            escalation.push_back(name);
        bool dropsAll = false;
        for (const auto &cap : field(field(ctx, "capabilities"), "drop"))
            dropsAll = dropsAll || (cap.is_string() && cap.get<std::string>() == "ALL");
        bool addsOther = false;
        for (const auto &cap : field(field(ctx, "capabilities"), "add"))
            addsOther = addsOther || !(cap.is_string() && cap.get<std::string>() == "NET_BIND_SERVICE");
        if (!dropsAll || addsOther)
            capsNotDropped.push_back(name);
        const json &nonRoot = field(ctx, "runAsNonRoot");
        if (nonRoot.is_boolean() ? !nonRoot.get<bool>() : !podNonRoot)
            rootContainers.push_back(name);
        const json &type = field(field(ctx, "seccompProfile"), "type");
        const std::string t = type.is_string() ? type.get<std::string>() : podSeccomp;
        if (t != "RuntimeDefault" && t != "Localhost")
            seccomp.push_back(name);
        if (field(ctx, "runAsUser").is_number_integer() && field(ctx, "runAsUser").get<long>() == 0)
            uidZero.push_back(name);
    }
    if (!escalation.empty())
        out.push_back("allowPrivilegeEscalation != false (" + containerWord(escalation) +
                      " must set securityContext.allowPrivilegeEscalation=false)");
    if (!capsNotDropped.empty())
        out.push_back("unrestricted capabilities (" + containerWord(capsNotDropped) +
                      " must set securityContext.capabilities.drop=[\"ALL\"])");
    if (!rootContainers.empty())
        out.push_back("runAsNonRoot != true (pod or " + containerWord(rootContainers) +
                      " must set securityContext.runAsNonRoot=true)");
    if (field(podCtx, "runAsUser").is_number_integer() && field(podCtx, "runAsUser").get<long>() == 0)
        out.push_back("runAsUser=0 (pod must not set runAsUser=0)");
    else if (!uidZero.empty())
        out.push_back("runAsUser=0 (" + containerWord(uidZero) + " must not set runAsUser=0)");
    if (!seccomp.empty())
        out.push_back("seccompProfile (pod or " + containerWord(seccomp) +
                      " must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")");
    return out;
}

std::vector<PodSecurityMode> podSecurityModes(const json &namespaceObject)
{
    std::vector<PodSecurityMode> out;
    const ObjectMeta meta(namespaceObject);
    for (const char *mode : {"enforce", "audit", "warn"}) {
        PodSecurityMode m;
        m.mode = mode;
        const std::string key = std::string("pod-security.kubernetes.io/") + mode;
        if (meta.hasLabel(key)) {
            const std::string value = meta.label(key);
            if (auto level = podSecurityLevelFromString(value)) {
                m.level = *level;
                m.labelled = true;
            } else {
                // Pod Security admission treats an unknown level as the strictest one.
                m.invalidLabel = value;
                m.level = PodSecurityLevel::Restricted;
                m.labelled = true;
            }
        }
        if (meta.hasLabel(key + "-version"))
            m.version = meta.label(key + "-version");
        out.push_back(std::move(m));
    }
    return out;
}

json applyLimitRanges(const json &pod, const std::vector<json> &limitRanges, std::vector<LimitRangeEffect> &effects)
{
    json out = pod;
    for (const auto &lr : limitRanges) {
        LimitRangeEffect e;
        e.name = ObjectMeta(lr).key();
        std::vector<LimitItem> items;
        for (const auto &item : field(field(lr, "spec"), "limits"))
            items.push_back(limitItemOf(item));
        // Defaults first (LimitRanger's mutating pass), on every container of the pod.
        for (const char *key : {"initContainers", "containers"}) {
            auto list = out["spec"].find(key);
            if (list == out["spec"].end() || !list->is_array())
                continue;
            for (auto &c : *list) {
                json &resources = c["resources"];
                if (!resources.is_object())
                    resources = json::object();
                for (const auto &l : items) {
                    if (l.type != "Container")
                        continue;
                    for (const auto &[k, v] : l.def)
                        if (!field(field(resources, "limits"), k.c_str()).is_string() &&
                            !field(field(resources, "limits"), k.c_str()).is_number()) {
                            resources["limits"][k] = v.toString();
                            e.defaulted.push_back("container \"" + nameOf(c) + "\" limits." + k + "=" + v.toString() +
                                                  " (default)");
                        }
                    for (const auto &[k, v] : l.defRequest)
                        if (!field(field(resources, "requests"), k.c_str()).is_string() &&
                            !field(field(resources, "requests"), k.c_str()).is_number()) {
                            resources["requests"][k] = v.toString();
                            e.defaulted.push_back("container \"" + nameOf(c) + "\" requests." + k + "=" + v.toString() +
                                                  " (defaultRequest)");
                        }
                }
                if (resources.empty())
                    c.erase("resources");
            }
        }
        // Then the bounds (its validating pass), per container and for the pod's sum.
        ResourceAmounts podRequests, podLimits;
        for (const json *c : containersOf(out)) {
            const ResourceAmounts req = amountsOf(field(field(*c, "resources"), "requests"));
            const ResourceAmounts lim = amountsOf(field(field(*c, "resources"), "limits"));
            for (const auto &[k, v] : req)
                podRequests[k] += v;
            for (const auto &[k, v] : lim)
                podLimits[k] += v;
            for (const auto &l : items)
                if (l.type == "Container")
                    checkBounds(l, "Container", req, lim, e.violations);
        }
        for (const auto &l : items)
            if (l.type == "Pod")
                checkBounds(l, "Pod", podRequests, podLimits, e.violations);
        effects.push_back(std::move(e));
    }
    return out;
}

ResourceAmounts quotaUsageOf(const rbac::RequestAttributes &request, const json &object)
{
    ResourceAmounts usage;
    const Quantity one = Quantity::fromInt(1);
    const std::string &r = request.resource;
    usage["count/" + (request.apiGroup.empty() ? r : r + "." + request.apiGroup)] = one;
    if (request.apiGroup.empty()) {
        static const std::set<std::string> legacy = {"pods",  "services", "secrets", "configmaps",
                                                     "persistentvolumeclaims", "replicationcontrollers",
                                                     "resourcequotas"};
        if (legacy.count(r))
            usage[r] = one;
    }
    if (isPodRequest(request)) {
        // Only regular containers count (init containers run first; their max would count, but a
        // probe has none).
        for (const auto &c : field(field(object, "spec"), "containers")) {
            for (const auto &[k, v] : amountsOf(field(field(c, "resources"), "requests"))) {
                usage["requests." + k] += v;
                if (k == "cpu" || k == "memory" || k == "ephemeral-storage")
                    usage[k] += v;
            }
            for (const auto &[k, v] : amountsOf(field(field(c, "resources"), "limits")))
                usage["limits." + k] += v;
        }
    }
    if (request.apiGroup.empty() && r == "persistentvolumeclaims")
        if (auto storage = Quantity::fromJson(field(field(field(field(object, "spec"), "resources"), "requests"), "storage")))
            if (!storage->isZero())
                usage["requests.storage"] = *storage;
    if (request.apiGroup.empty() && r == "services") {
        const json &type = field(field(object, "spec"), "type");
        const std::string t = type.is_string() ? type.get<std::string>() : "ClusterIP";
        if (t == "LoadBalancer")
            usage["services.loadbalancers"] = one;
        if (t == "NodePort" || t == "LoadBalancer")
            usage["services.nodeports"] = one;
    }
    return usage;
}

QuotaEffect chargeQuota(const json &quota, const rbac::RequestAttributes &request, const json &object,
                        const ResourceAmounts &usage)
{
    QuotaEffect e;
    e.name = ObjectMeta(quota).key();
    const json &spec = field(quota, "spec");
    const bool pod = isPodRequest(request);
    // A pod without any request or limit is BestEffort.
    bool bestEffort = pod;
    for (const auto &c : field(field(object, "spec"), "containers"))
        if (!field(field(c, "resources"), "requests").empty() || !field(field(c, "resources"), "limits").empty())
            bestEffort = false;
    const bool terminating = field(field(object, "spec"), "activeDeadlineSeconds").is_number();
    const json &priorityJson = field(field(object, "spec"), "priorityClassName");
    const std::string priority = priorityJson.is_string() ? priorityJson.get<std::string>() : std::string();
    auto scopeMatches = [&](const std::string &scope, const std::string &op, const json &values) -> std::optional<bool> {
        if (!pod)
            return std::nullopt;  // scoped quotas track pods only
        if (scope == "BestEffort")
            return bestEffort;
        if (scope == "NotBestEffort")
            return !bestEffort;
        if (scope == "Terminating")
            return terminating;
        if (scope == "NotTerminating")
            return !terminating;
        if (scope == "PriorityClass") {
            if (op == "Exists")
                return !priority.empty();
            if (op == "DoesNotExist")
                return priority.empty();
            bool in = false;
            for (const auto &v : values)
                in = in || (v.is_string() && v.get<std::string>() == priority);
            if (op == "In")
                return in;
            if (op == "NotIn")
                return !in;
        }
        return std::nullopt;
    };
    std::vector<std::pair<std::string, std::string>> scopes;  // scope, operator
    std::vector<json> scopeValues;
    for (const auto &s : field(spec, "scopes"))
        if (s.is_string()) {
            scopes.emplace_back(s.get<std::string>(), "Exists");
            scopeValues.push_back(json::array());
        }
    for (const auto &m : field(field(spec, "scopeSelector"), "matchExpressions")) {
        scopes.emplace_back(field(m, "scopeName").is_string() ? field(m, "scopeName").get<std::string>() : "",
                            field(m, "operator").is_string() ? field(m, "operator").get<std::string>() : "");
        scopeValues.push_back(field(m, "values"));
    }
    for (size_t i = 0; i < scopes.size(); ++i) {
        auto match = scopeMatches(scopes[i].first, scopes[i].second, scopeValues[i]);
        if (!match) {
            e.matches = false;
            e.notMatching = "scope " + scopes[i].first + (pod ? " is not evaluated here" : " applies to pods only");
            return e;
        }
        if (!*match) {
            e.matches = false;
            e.notMatching = "the object is outside scope " + scopes[i].first;
            return e;
        }
    }
    const ResourceAmounts hard = amountsOf(field(field(quota, "status"), "hard").empty() ? field(spec, "hard")
                                                                                         : field(field(quota, "status"), "hard"));
    const ResourceAmounts specHard = amountsOf(field(spec, "hard"));
    const json &usedJson = field(field(quota, "status"), "used");
    const ResourceAmounts used = amountsOf(usedJson);
    // A pod must state every compute resource a quota limits (ResourceQuota's evaluator:
    // "must specify"), counted after LimitRange defaults.
    if (pod) {
        std::map<std::string, std::vector<std::string>> missing;
        for (const auto &[key, value] : specHard) {
            (void)value;
            std::string kind, res;
            if (key.rfind("requests.", 0) == 0)
                kind = "requests", res = key.substr(9);
            else if (key.rfind("limits.", 0) == 0)
                kind = "limits", res = key.substr(7);
            else if (key == "cpu" || key == "memory")
                kind = "requests", res = key;
            else
                continue;
            if (res != "cpu" && res != "memory")
                continue;
            for (const auto &c : field(field(object, "spec"), "containers"))
                if (!field(field(field(c, "resources"), kind.c_str()), res.c_str()).is_string() &&
                    !field(field(field(c, "resources"), kind.c_str()), res.c_str()).is_number())
                    missing[key].push_back(nameOf(c));
        }
        for (const auto &[key, names] : missing) {
            std::string joined;
            for (const auto &n : names)
                joined += (joined.empty() ? "" : ",") + n;
            e.mustSpecify.push_back(key + " for: " + joined);
        }
    }
    for (const auto &[key, delta] : usage) {
        auto h = specHard.find(key);
        if (h == specHard.end())
            continue;
        QuotaCharge c;
        c.resource = key;
        c.delta = delta;
        c.hard = hard.count(key) ? hard.at(key) : h->second;
        if (!usedJson.is_object() || !usedJson.contains(key)) {
            e.unknownUsage.push_back(key);
        } else {
            c.used = used.at(key);
            c.exceeded = c.used + c.delta > c.hard;
        }
        e.charges.push_back(std::move(c));
    }
    return e;
}

AdmissionPreview previewAdmission(const AdmissionInput &input)
{
    AdmissionPreview p;
    const auto &r = input.request;
    if (!r.isResourceRequest) {
        p.notApplied = "a non-resource request: admission does not run";
        return p;
    }
    if (r.verb != "create") {
        const bool write = r.verb == "update" || r.verb == "patch" || r.verb == "delete" || r.verb == "deletecollection";
        p.notApplied = write ? r.verb + " is previewed for creates only: quota is charged when an object is created"
                             : r.verb + " is a read: admission does not run";
        return p;
    }
    if (!r.subresource.empty()) {
        p.notApplied = "a create of subresource " + r.subresource + ": not previewed";
        return p;
    }
    if (r.ns.empty()) {
        p.notApplied = "a cluster-scoped create: no namespace quota or limits apply";
        p.applies = true;
        p.admitted = input.object;
        return p;
    }
    p.applies = true;
    const bool pod = isPodRequest(r);
    p.admitted = pod ? applyLimitRanges(input.object, input.limitRanges, p.limits) : input.object;
    // kube-apiserver's order: mutating admission (LimitRanger's defaults), the object's
    // validation, then validating admission with ResourceQuota last.
    std::vector<std::pair<std::string, std::string>> found;  // controller, refusal
    if (pod)
        for (const auto &c : field(field(p.admitted, "spec"), "containers")) {
            const ResourceAmounts req = amountsOf(field(field(c, "resources"), "requests"));
            const ResourceAmounts lim = amountsOf(field(field(c, "resources"), "limits"));
            for (const auto &[k, v] : req)
                if (lim.count(k) && v > lim.at(k))
                    found.emplace_back("validation", "spec.containers[" + nameOf(c) + "].resources.requests: Invalid value: \"" +
                                                         v.toString() + "\": must be less than or equal to " + k +
                                                         " limit of " + lim.at(k).toString());
        }
    for (const auto &l : p.limits)
        for (const auto &v : l.violations)
            found.emplace_back("LimitRanger", "LimitRange " + l.name + ": " + v);
    if (pod && input.namespaceObject) {
        p.podSecurity = podSecurityModes(*input.namespaceObject);
        for (auto &m : p.podSecurity) {
            m.violations = podSecurityViolations(p.admitted, m.level);
            if (m.violations.empty())
                continue;
            std::string joined;
            for (const auto &v : m.violations)
                joined += (joined.empty() ? "" : ", ") + v;
            const std::string text = std::string("violates PodSecurity \"") + toString(m.level) + ":" + m.version +
                                     "\": " + joined;
            if (m.mode == "enforce")
                found.emplace_back("PodSecurity", "PodSecurity: " + text);
            else
                p.warnings.push_back(m.mode + ": " + text +
                                     (m.mode == "audit" ? " (recorded in the audit log)" : " (a warning to the client)"));
        }
    }
    const ResourceAmounts usage = quotaUsageOf(r, p.admitted);
    for (const auto &q : input.quotas) {
        QuotaEffect e = chargeQuota(q, r, p.admitted, usage);
        if (e.refuses()) {
            std::string why;
            for (const auto &m : e.mustSpecify)
                why += (why.empty() ? "must specify " : "; ") + m;
            for (const auto &u : e.unknownUsage)
                why += (why.empty() ? "" : "; ") + ("status unknown for " + u);
            std::string requested, usedText, limited;
            for (const auto &c : e.charges)
                if (c.exceeded) {
                    requested += (requested.empty() ? "" : ",") + c.resource + "=" + c.delta.toString();
                    usedText += (usedText.empty() ? "" : ",") + c.resource + "=" + c.used.toString();
                    limited += (limited.empty() ? "" : ",") + c.resource + "=" + c.hard.toString();
                }
            if (!requested.empty())
                why += (why.empty() ? "" : "; ") + ("exceeded quota: requested: " + requested + ", used: " + usedText +
                                                    ", limited: " + limited);
            found.emplace_back("ResourceQuota", "ResourceQuota " + e.name + ": " + why);
        }
        p.quotas.push_back(std::move(e));
    }
    for (const auto &[by, text] : found) {
        if (p.refusedBy.empty())
            p.refusedBy = by;
        p.refusals.push_back(text);
    }
    return p;
}

} // namespace kube::trace
