#include "kubeclient/api/ownerrefs.h"

#include "kubeclient/core/objectmeta.h"

namespace kube {

using nlohmann::json;

namespace {
json *ownerList(json &object)
{
    if (!object.is_object())
        return nullptr;
    auto meta = object.find("metadata");
    if (meta == object.end() || !meta->is_object())
        return nullptr;
    auto refs = meta->find("ownerReferences");
    if (refs == meta->end() || !refs->is_array())
        return nullptr;
    return &*refs;
}

bool unresolved(const json &ref)
{
    return ref.is_object() && ref.value("uid", std::string()).empty();
}

bool sameOwner(const json &a, const json &b)
{
    return a.value("kind", std::string()) == b.value("kind", std::string())
        && a.value("name", std::string()) == b.value("name", std::string());
}
} // namespace

json controllerReference(const std::string &apiVersion, const std::string &kind, const std::string &name,
                         const std::string &uid)
{
    json ref = {{"apiVersion", apiVersion}, {"kind", kind}, {"name", name}};
    if (!uid.empty())
        ref["uid"] = uid;
    ref["controller"] = true;
    ref["blockOwnerDeletion"] = true;
    return ref;
}

json controllerReferenceTo(const json &owner)
{
    ObjectMeta m(owner);
    return controllerReference(m.apiVersion(), m.kind(), m.name(), m.uid());
}

void addOwnerReference(json &object, json ref)
{
    json &refs = object["metadata"]["ownerReferences"];
    if (!refs.is_array())
        refs = json::array();
    for (const auto &r : refs)
        if (sameOwner(r, ref))
            return;
    refs.push_back(std::move(ref));
}

bool hasUnresolvedOwners(const json &object)
{
    const json *refs = ownerList(const_cast<json &>(object));
    if (!refs)
        return false;
    for (const auto &r : *refs)
        if (unresolved(r))
            return true;
    return false;
}

std::optional<json> resolveOwnerUids(json &object, const std::function<std::optional<std::string>(const json &)> &lookup)
{
    json *refs = ownerList(object);
    if (!refs)
        return std::nullopt;
    for (auto &r : *refs) {
        if (!unresolved(r))
            continue;
        auto uid = lookup(r);
        if (!uid || uid->empty())
            return r;
        r["uid"] = *uid;
    }
    return std::nullopt;
}

void dropUnresolvedOwners(json &object)
{
    json *refs = ownerList(object);
    if (!refs)
        return;
    json kept = json::array();
    for (auto &r : *refs)
        if (!unresolved(r))
            kept.push_back(std::move(r));
    if (kept.empty())
        object["metadata"].erase("ownerReferences");
    else
        *refs = std::move(kept);
}

void takeOwnerUidsFrom(json &intent, const json &live)
{
    json *refs = ownerList(intent);
    const json *liveRefs = ownerList(const_cast<json &>(live));
    if (!refs || !liveRefs)
        return;
    for (auto &r : *refs) {
        if (!unresolved(r))
            continue;
        for (const auto &l : *liveRefs)
            if (sameOwner(r, l) && !unresolved(l)) {
                r["uid"] = l["uid"];
                break;
            }
    }
}

} // namespace kube
