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
        if (const json *v = member(parent, key); v && !v->is_string())
            wrongType(path + key, *v, "a string");
    }

    // A member that must be a list of strings when present.
    void strings(const json &parent, const char *key, const std::string &path)
    {
        const json *v = member(parent, key);
        if (!v || !expect(*v, v->is_array(), path + key, "a list of strings"))
            return;
        for (std::size_t i = 0; i < v->size(); ++i)
            if (!(*v)[i].is_string())
                wrongType(path + key + "[" + std::to_string(i) + "]", (*v)[i], "a string");
    }

    // A member that must be a map of strings when present (labels, annotations, matchLabels).
    void stringMap(const json &parent, const char *key, const std::string &path)
    {
        const json *v = member(parent, key);
        if (!v || !expect(*v, v->is_object(), path + key, "a map of strings"))
            return;
        for (const auto &[k, value] : v->items())
            if (!value.is_string())
                wrongType(path + key + "." + k, value, "a string");
    }

    // A member that must be an object when present; returns it (or nullptr).
    const json *object(const json &parent, const char *key, const std::string &path)
    {
        const json *v = member(parent, key);
        return v && expect(*v, v->is_object(), path + key, "an object") ? v : nullptr;
    }

    // A member that must be a list of objects when present; calls each(item, "path[i].").
    template <typename Each>
    void objects(const json &parent, const char *key, const std::string &path, Each each)
    {
        const json *v = member(parent, key);
        if (!v || !expect(*v, v->is_array(), path + key, "a list"))
            return;
        for (std::size_t i = 0; i < v->size(); ++i) {
            const std::string at = path + key + "[" + std::to_string(i) + "]";
            if (expect((*v)[i], (*v)[i].is_object(), at, "an object"))
                each((*v)[i], at + ".");
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
    // The member when present and not null (null reads as absent, as in the API).
    static const json *member(const json &parent, const char *key)
    {
        const auto it = parent.find(key);
        return it == parent.end() || it->is_null() ? nullptr : &*it;
    }

    // ok, or a problem noted for `path`.
    bool expect(const json &value, bool ok, const std::string &path, const char *expected)
    {
        if (!ok)
            wrongType(path, value, expected);
        return ok;
    }

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
