// Field checks first (nothing is asked of the server for a form that cannot be a request), then
// discovery for TYPE; the namespace of a cluster-scoped type is dropped, as the server does.
#include "kubeclient/trace/traceform.h"

#include "kubeclient/api/discovery.h"

#include <algorithm>
#include <cctype>

namespace kube::trace {

namespace {

std::string trim(const std::string &s)
{
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

Error fieldError(const std::string &field, const std::string &message)
{
    return Error::make(ErrorKind::Invalid, field + ": " + message);
}

// RFC 1123 label (namespaces) / subdomain (object names), as the API server checks them.
bool validName(const std::string &name, bool subdomain)
{
    if (name.empty() || name.size() > (subdomain ? 253u : 63u))
        return false;
    for (char c : name)
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-' ||
              (subdomain && c == '.')))
            return false;
    return std::isalnum(static_cast<unsigned char>(name.front())) && std::isalnum(static_cast<unsigned char>(name.back()));
}

} // namespace

Result<TraceQuestion> questionFromForm(const TraceForm &form, Discovery *discovery)
{
    TraceQuestion q;
    q.view = form.view;
    const std::string user = trim(form.user);
    q.asUser = user == "me" ? std::string() : user;
    for (const auto &g : form.groups)
        if (!trim(g).empty())
            q.asGroups.push_back(trim(g));
    if (q.asUser.empty() && !q.asGroups.empty())
        return fieldError("User", "impersonating groups needs a user (any member of " + q.asGroups.front() + ")");
    const std::string verb = trim(form.verb);
    if (verb.empty())
        return fieldError("Verb", "required (get, list, create, update, patch, delete...)");
    if (std::any_of(verb.begin(), verb.end(), [](unsigned char c) { return std::isspace(c) || std::isupper(c); }))
        return fieldError("Verb", "\"" + verb + "\" is not a verb (lower case, no spaces)");
    const std::string resource = trim(form.resource);
    if (resource.empty())
        return fieldError("Resource", "required (a type such as pods or deployments.apps, or a path such as /healthz)");
    const std::string ns = trim(form.ns), name = trim(form.name);
    if (!ns.empty() && !validName(ns, false))
        return fieldError("Namespace", "\"" + ns + "\" is not a valid namespace name");
    if (!name.empty() && name.find('/') != std::string::npos)
        return fieldError("Name", "\"" + name + "\" may not contain '/'");
    if (!trim(form.requests).empty()) {
        auto amounts = parseResourceAmounts(form.requests, "Requests");
        if (!amounts)
            return amounts.error();
        q.requests = *amounts;
    }
    if (resource.front() == '/') {
        if (!name.empty())
            return fieldError("Name", "a non-resource path takes no name");
        q.request = rbac::RequestAttributes::forPath(verb, resource);
        q.namespaced = false;
        return q;
    }
    std::string type = resource, sub;
    if (auto slash = resource.find('/'); slash != std::string::npos) {
        type = resource.substr(0, slash);
        sub = resource.substr(slash + 1);
    }
    std::string lowered = type;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    std::string group, plural = lowered;
    bool namespaced = true;
    if (type == "*") {
        plural = "*";
    } else if (discovery) {
        if (auto loaded = discovery->ensureLoaded(); !loaded)
            return Error::make(ErrorKind::Transport, "Resource: discovery failed: " + loaded.error().describe());
        auto info = discovery->resolve(lowered);
        if (!info)
            return fieldError("Resource", "the server has no resource type \"" + type + "\"");
        group = info->gvr.group;
        plural = info->gvr.resource;
        namespaced = info->gvr.namespaced;
        if (!sub.empty() && std::find(info->subresources.begin(), info->subresources.end(), sub) == info->subresources.end())
            return fieldError("Resource", plural + " has no subresource \"" + sub + "\"");
    } else if (auto dot = lowered.find('.'); dot != std::string::npos) {
        plural = lowered.substr(0, dot);
        group = lowered.substr(dot + 1);
    }
    if (namespaced && ns.empty() && form.workspace.empty() && verb != "list" && verb != "watch" && verb != "get" && verb != "deletecollection")
        return fieldError("Namespace", "required: " + plural + " live in a namespace");
    q.request = rbac::RequestAttributes::forResource(verb, group, plural, namespaced ? ns : std::string(), name, sub);
    q.request.workspace = trim(form.workspace);
    q.namespaced = namespaced;
    return q;
}

} // namespace kube::trace
