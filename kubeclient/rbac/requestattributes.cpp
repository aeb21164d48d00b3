// Request attributes: construction, parsing of "resource.group/sub" text, and the URL rules
// of kube-apiserver's request-info resolver (kube-apiserver-notes.md 5.1).
#include "kubeclient/rbac/requestattributes.h"
#include "kubeclient/core/text.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace kube::rbac {

namespace {

std::string trimmed(std::string_view s) { return std::string(kube::text::trim(s)); }

std::vector<std::string> splitPath(const std::string &path)
{
    std::vector<std::string> parts;
    size_t i = 0;
    while (i <= path.size()) {
        size_t j = path.find('/', i);
        if (j == std::string::npos)
            j = path.size();
        if (j > i)
            parts.push_back(path.substr(i, j - i));
        i = j + 1;
    }
    return parts;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string unescapeQuery(const std::string &text)
{
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 &&
                   hexValue(text[i + 2]) >= 0) {
            out += char(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

// The last value of each query parameter wins for booleans; the first for selectors, as Go's
// url.Values.Get does.
std::string queryValue(const std::string &query, const std::string &key, bool *present = nullptr)
{
    size_t i = 0;
    while (i <= query.size()) {
        size_t amp = query.find('&', i);
        if (amp == std::string::npos)
            amp = query.size();
        const std::string pair = query.substr(i, amp - i);
        const size_t eq = pair.find('=');
        const std::string k = unescapeQuery(pair.substr(0, eq));
        if (k == key) {
            if (present)
                *present = true;
            return eq == std::string::npos ? std::string() : unescapeQuery(pair.substr(eq + 1));
        }
        i = amp + 1;
    }
    if (present)
        *present = false;
    return {};
}

// The value X of a "metadata.name=X" or "metadata.name==X" requirement, if the selector has
// one; a "!=" requirement does not pin a name. A term without an operator makes the whole
// selector invalid, and the server then derives no name at all.
bool exactNameFromFieldSelector(const std::string &selector, std::string &name, bool &valid)
{
    valid = true;
    bool found = false;
    if (trimmed(selector).empty())
        return false;
    size_t i = 0;
    while (i <= selector.size()) {
        size_t comma = selector.find(',', i);
        if (comma == std::string::npos)
            comma = selector.size();
        const std::string term = selector.substr(i, comma - i);
        i = comma + 1;
        if (term.find("!=") != std::string::npos)
            continue;
        size_t eq = term.find("==");
        size_t valueAt = eq == std::string::npos ? std::string::npos : eq + 2;
        if (eq == std::string::npos) {
            eq = term.find('=');
            valueAt = eq == std::string::npos ? std::string::npos : eq + 1;
        }
        if (eq == std::string::npos) {
            valid = false;
            return false;
        }
        if (!found && trimmed(term.substr(0, eq)) == "metadata.name") {
            name = trimmed(term.substr(valueAt));
            found = true;
        }
    }
    return found;
}

// A name that may appear as one path segment (the server refuses to take others from a selector).
bool validPathSegmentName(const std::string &name)
{
    if (name == "." || name == "..")
        return false;
    return name.find('/') == std::string::npos && name.find('%') == std::string::npos;
}


} // namespace

RequestAttributes RequestAttributes::forResource(std::string verb, std::string group, std::string resource,
                                                 std::string ns, std::string name, std::string subresource)
{
    RequestAttributes r;
    r.verb = std::move(verb);
    r.apiGroup = std::move(group);
    r.resource = std::move(resource);
    r.ns = std::move(ns);
    r.name = std::move(name);
    r.subresource = std::move(subresource);
    return r;
}

RequestAttributes RequestAttributes::forPath(std::string verb, std::string path)
{
    RequestAttributes r;
    r.verb = std::move(verb);
    r.isResourceRequest = false;
    r.path = std::move(path);
    return r;
}

RequestAttributes RequestAttributes::parseResource(const std::string &verb, const std::string &text, std::string ns,
                                                   std::string name)
{
    std::string resourcePart = text, subresource;
    if (auto slash = text.find('/'); slash != std::string::npos) {
        resourcePart = text.substr(0, slash);
        subresource = text.substr(slash + 1);
    }
    std::string resource = resourcePart, group;
    if (auto dot = resourcePart.find('.'); dot != std::string::npos) {
        resource = resourcePart.substr(0, dot);
        group = resourcePart.substr(dot + 1);
        // "deployments.v1.apps": a version segment right after the resource is dropped.
        if (auto next = group.find('.'); next != std::string::npos && group.size() > 1 && group[0] == 'v' &&
                                          std::isdigit(static_cast<unsigned char>(group[1])))
            group = group.substr(next + 1);
    }
    return forResource(verb, group, resource, std::move(ns), std::move(name), subresource);
}

Result<RequestAttributes> RequestAttributes::fromHttp(const std::string &method, const std::string &url)
{
    std::string path = url, query;
    if (auto q = url.find('?'); q != std::string::npos) {
        path = url.substr(0, q);
        query = url.substr(q + 1);
    }
    const std::string upper = [&] {
        std::string m = method;
        std::transform(m.begin(), m.end(), m.begin(), [](unsigned char c) { return char(std::toupper(c)); });
        return m;
    }();

    RequestAttributes r;
    r.isResourceRequest = false;
    r.path = path;
    r.verb = kube::text::toLower(method);

    std::vector<std::string> parts = splitPath(path);
    // Fewer than three segments (or an unknown prefix) is never a resource: /api, /apis/apps, /healthz.
    if (parts.size() < 3 || (parts[0] != "api" && parts[0] != "apis"))
        return r;
    size_t at = 1;
    std::string group;
    if (parts[0] == "apis") {
        if (parts.size() < 4)
            return r;  // /apis/GROUP/VERSION is discovery, not a resource
        group = parts[at++];
    }
    RequestAttributes res;
    res.apiGroup = group;
    res.apiVersion = parts[at++];
    std::vector<std::string> rest(parts.begin() + long(at), parts.end());

    bool verbFromMethod = true;
    if (rest.front() == "watch" || rest.front() == "proxy") {
        if (rest.size() < 2)
            return Error::make(ErrorKind::Invalid, "cannot tell the resource and namespace from " + path);
        res.verb = rest.front();
        rest.erase(rest.begin());
        verbFromMethod = false;
    } else if (upper == "POST") {
        res.verb = "create";
    } else if (upper == "GET" || upper == "HEAD") {
        res.verb = "get";
    } else if (upper == "PUT") {
        res.verb = "update";
    } else if (upper == "PATCH") {
        res.verb = "patch";
    } else if (upper == "DELETE") {
        res.verb = "delete";
    } else {
        res.verb = "";
    }

    if (rest.front() == "namespaces") {
        if (rest.size() > 1) {
            res.ns = rest[1];
            // namespaces/NS/status and namespaces/NS/finalize are subresources of the namespace
            // itself; anything else after the namespace is a resource in it.
            if (rest.size() > 2 && rest[2] != "status" && rest[2] != "finalize")
                rest.erase(rest.begin(), rest.begin() + 2);
        }
    }
    // resource / name / subresource / anything further is not interpreted.
    if (rest.size() >= 3 && res.verb != "proxy")
        res.subresource = rest[2];
    if (rest.size() >= 2)
        res.name = rest[1];
    res.resource = rest[0];

    if (verbFromMethod && res.verb == "get" && res.name.empty()) {
        // Query booleans follow the API's parameter codec: present and not "false"/"0" is true,
        // even when empty ("?watch").
        bool present = false;
        const std::string watch = kube::text::toLower(queryValue(query, "watch", &present));
        res.verb = present && watch != "false" && watch != "0" ? "watch" : "list";
        std::string name;
        bool selectorValid = true;
        if (exactNameFromFieldSelector(queryValue(query, "fieldSelector"), name, selectorValid) && selectorValid &&
            validPathSegmentName(name))
            res.name = name;
    }
    if (verbFromMethod && res.verb == "delete" && res.name.empty())
        res.verb = "deletecollection";
    return res;
}

std::string RequestAttributes::resourcePath() const
{
    return subresource.empty() ? resource : resource + "/" + subresource;
}

std::string RequestAttributes::groupResource() const
{
    std::string out = resource;
    if (!apiGroup.empty())
        out += "." + apiGroup;
    if (!subresource.empty())
        out += "/" + subresource;
    return out;
}

std::string RequestAttributes::toString() const
{
    if (!isResourceRequest)
        return verb + " " + path;
    std::string out = verb + " " + groupResource();
    if (!name.empty())
        out += " \"" + name + "\"";
    if (!ns.empty())
        out += " in namespace " + ns;
    else if (!workspace.empty())
        out += " in workspace " + workspace;
    return out;
}

} // namespace kube::rbac
