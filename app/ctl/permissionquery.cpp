// kubectl's reading of `auth can-i` arguments (pkg/cmd/auth/cani.go), checked against the
// binary: TYPE/NAME splits at the first '/', the rest is the object's name; an unknown TYPE is
// asked as typed with a warning ("users" and "groups" excepted, they are not API resources
// but RBAC knows them); the namespace is sent even for cluster-scoped types, as kubectl does.
#include "permissionquery.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace ctl {

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

} // namespace

bool PermissionQuery::knownResourceVerb(const std::string &verb)
{
    static const std::set<std::string> verbs = {"get",  "list",        "watch", "create",   "update",   "patch",
                                                "delete", "deletecollection", "use", "bind", "impersonate", "*",
                                                "approve", "sign",       "escalate", "attest"};
    return verbs.count(verb) > 0;
}

bool PermissionQuery::knownNonResourceVerb(const std::string &verb)
{
    static const std::set<std::string> verbs = {"get", "put", "post", "head", "options", "delete", "patch", "*"};
    return verbs.count(verb) > 0;
}

PermissionQuery::Outcome PermissionQuery::read(Style style, const Input &input, const ResourceResolver &resolve)
{
    Outcome out;
    const auto &pos = input.positional;
    const size_t most = style == Style::CanI ? 2 : 3;
    if (pos.size() < 2 || pos.size() > most) {
        out.error = style == Style::CanI
            ? "you must specify two arguments: verb resource or verb resource/resourceName"
            : "you must specify two or three arguments: verb, resource, and optional resourceName";
        return out;
    }
    const std::string &verb = pos[0];
    const std::string &what = pos[1];
    if (!what.empty() && what[0] == '/') {
        if (!input.subresource.empty()) {
            out.error = "--subresource can not be used with NonResourceURL";
            return out;
        }
        if (pos.size() > 2) {
            out.error = "NonResourceURL and ResourceName can not specified together";
            return out;
        }
        if (!knownNonResourceVerb(verb))
            out.warnings.push_back("verb '" + verb + "' is not a known verb");
        out.request = kube::rbac::RequestAttributes::forPath(verb, what);
        out.namespaced = false;
        return out;
    }
    std::string type = what, name;
    if (auto slash = what.find('/'); slash != std::string::npos) {
        type = what.substr(0, slash);
        name = what.substr(slash + 1);
    }
    if (pos.size() == 3) {
        if (!name.empty()) {
            out.error = "give the name once: TYPE/NAME or TYPE NAME, not both";
            return out;
        }
        name = pos[2];
    }
    std::string group, resource;
    if (type == "*") {
        resource = "*";
    } else if (auto found = resolve(lower(type))) {
        group = found->group;
        resource = found->resource;
        out.namespaced = found->namespaced;
    } else {
        // kubectl's groupResource: everything after the first '.' is the group.
        const std::string text = lower(type);
        const auto dot = text.find('.');
        const std::string r = text.substr(0, dot), g = dot == std::string::npos ? "" : text.substr(dot + 1);
        const std::string said = "the server doesn't have a resource type '" + r + "'" + (g.empty() ? "" : " in group '" + g + "'");
        if (style == Style::WhoCan) {
            out.error = said;
            return out;
        }
        if (!(g.empty() && (r == "users" || r == "groups")))
            out.warnings.push_back(said);
        resource = type;  // asked as typed, as kubectl does
    }
    if (!knownResourceVerb(verb))
        out.warnings.push_back("verb '" + verb + "' is not a known verb");
    const std::string ns = input.allNamespaces ? std::string() : input.ns;
    if (!out.namespaced && !input.allNamespaces && !ns.empty() && style == Style::CanI)
        out.warnings.push_back("resource '" + resource + "' is not namespace scoped"
                               + (group.empty() ? std::string() : " in group '" + group + "'"));
    out.request = kube::rbac::RequestAttributes::forResource(verb, group, resource, ns, name, input.subresource);
    return out;
}

ResourceResolver PermissionQuery::discoveryResolver(kube::Client &client)
{
    return [&client](const std::string &text) -> std::optional<ResolvedResource> {
        auto &discovery = client.discovery();
        if (!discovery.ensureLoaded())
            return std::nullopt;
        auto info = discovery.resolve(text);
        if (!info && discovery.servedFromDisk() && discovery.refresh())
            info = discovery.resolve(text);
        if (!info)
            return std::nullopt;
        return ResolvedResource{info->gvr.group, info->gvr.resource, info->gvr.namespaced};
    };
}

} // namespace ctl
