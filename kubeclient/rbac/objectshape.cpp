// Type checks of the fields the permission engine reads, by where they sit in an object.
#include "kubeclient/rbac/objectshape.h"

namespace kube::rbac {

namespace {

using nlohmann::json;

class Checker
{
public:
    std::vector<std::string> problems;

    void wrongType(const std::string &path, const json &value, const char *expected)
    {
        problems.push_back(path + " is " + article(value) + ", not " + expected);
    }

    // A member that must be a string when present.
    void string(const json &parent, const char *key, const std::string &path)
    {
        const auto it = parent.find(key);
        if (it != parent.end() && !it->is_string())
            wrongType(path + key, *it, "a string");
    }

    // A member that must be a list of strings when present.
    void strings(const json &parent, const char *key, const std::string &path)
    {
        const auto it = parent.find(key);
        if (it == parent.end() || it->is_null())
            return;
        if (!it->is_array()) {
            wrongType(path + key, *it, "a list of strings");
            return;
        }
        for (std::size_t i = 0; i < it->size(); ++i)
            if (!(*it)[i].is_string())
                wrongType(path + key + "[" + std::to_string(i) + "]", (*it)[i], "a string");
    }

    // A member that must be a map of strings when present (labels, annotations, matchLabels).
    void stringMap(const json &parent, const char *key, const std::string &path)
    {
        const auto it = parent.find(key);
        if (it == parent.end() || it->is_null())
            return;
        if (!it->is_object()) {
            wrongType(path + key, *it, "a map of strings");
            return;
        }
        for (const auto &[k, v] : it->items())
            if (!v.is_string())
                wrongType(path + key + "." + k, v, "a string");
    }

    // A member that must be an object when present; returns it (or nullptr).
    const json *object(const json &parent, const char *key, const std::string &path)
    {
        const auto it = parent.find(key);
        if (it == parent.end() || it->is_null())
            return nullptr;
        if (!it->is_object()) {
            wrongType(path + key, *it, "an object");
            return nullptr;
        }
        return &*it;
    }

    // A member that must be a list of objects when present; calls each(item, "path[i].").
    template <typename Each>
    void objects(const json &parent, const char *key, const std::string &path, Each each)
    {
        const auto it = parent.find(key);
        if (it == parent.end() || it->is_null())
            return;
        if (!it->is_array()) {
            wrongType(path + key, *it, "a list");
            return;
        }
        for (std::size_t i = 0; i < it->size(); ++i) {
            const std::string at = path + key + "[" + std::to_string(i) + "]";
            if (!(*it)[i].is_object())
                wrongType(at, (*it)[i], "an object");
            else
                each((*it)[i], at + ".");
        }
    }

    void rules(const json &parent, const std::string &path)
    {
        objects(parent, "rules", path, [&](const json &rule, const std::string &at) {
            for (const char *k : {"verbs", "apiGroups", "resources", "resourceNames", "nonResourceURLs"})
                strings(rule, k, at);
        });
    }

    void selector(const json &s, const std::string &at)
    {
        stringMap(s, "matchLabels", at);
        objects(s, "matchExpressions", at, [&](const json &e, const std::string &in) {
            string(e, "key", in);
            string(e, "operator", in);
            strings(e, "values", in);
        });
    }

private:
    static std::string article(const json &value)
    {
        const std::string type = value.type_name();
        const std::string noun = type == "array" ? "list" : type;
        return (noun == "object" ? "an " : "a ") + noun;
    }
};

bool isBinding(const std::string &kind)
{
    return kind.size() > 7 && kind.compare(kind.size() - 7, 7, "Binding") == 0 && kind != "GroupBinding";
}

bool isRole(const std::string &kind)
{
    return kind == "Role" || kind == "ClusterRole" || kind == "GlobalRole" || kind == "WorkspaceRole";
}

} // namespace

std::vector<std::string> shapeProblems(const json &object)
{
    Checker c;
    if (!object.is_object())
        return {"the object is " + std::string(object.type_name()) + ", not an object"};
    c.string(object, "apiVersion", "");
    c.string(object, "kind", "");
    const auto kindIt = object.find("kind");
    const std::string kind = kindIt != object.end() && kindIt->is_string() ? kindIt->get<std::string>() : std::string();
    if (const json *md = c.object(object, "metadata", "")) {
        c.string(*md, "name", "metadata.");
        c.string(*md, "namespace", "metadata.");
        c.stringMap(*md, "labels", "metadata.");
        c.stringMap(*md, "annotations", "metadata.");
    }
    if (isBinding(kind)) {
        if (const json *ref = c.object(object, "roleRef", ""))
            for (const char *k : {"apiGroup", "kind", "name"})
                c.string(*ref, k, "roleRef.");
        c.objects(object, "subjects", "", [&](const json &s, const std::string &at) {
            for (const char *k : {"kind", "name", "namespace", "apiGroup"})
                c.string(s, k, at);
        });
    } else if (isRole(kind)) {
        c.rules(object, "");
        if (const json *agg = c.object(object, "aggregationRule", ""))
            c.objects(*agg, "clusterRoleSelectors", "aggregationRule.",
                      [&](const json &s, const std::string &at) { c.selector(s, at); });
        if (const json *t = c.object(object, "aggregationRoleTemplates", "")) {
            c.strings(*t, "templateNames", "aggregationRoleTemplates.");
            if (const json *sel = c.object(*t, "roleSelector", "aggregationRoleTemplates."))
                c.selector(*sel, "aggregationRoleTemplates.roleSelector.");
        }
    } else if (kind == "RoleTemplate") {
        if (const json *spec = c.object(object, "spec", ""))
            c.rules(*spec, "spec.");
    } else if (kind == "User") {
        if (const json *spec = c.object(object, "spec", ""))
            c.strings(*spec, "groups", "spec.");
    }
    return c.problems;
}

} // namespace kube::rbac
