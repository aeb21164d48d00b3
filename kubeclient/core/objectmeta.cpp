// ObjectMeta accessors: tolerant of missing or mistyped fields (they read as empty).
#include "kubeclient/core/objectmeta.h"

namespace kube {

namespace {
const nlohmann::json &emptyJson()
{
    static const nlohmann::json kEmpty;
    return kEmpty;
}

const nlohmann::json &member(const nlohmann::json &j, const char *key)
{
    if (!j.is_object())
        return emptyJson();
    auto it = j.find(key);
    return it == j.end() ? emptyJson() : *it;
}
} // namespace

ObjectMeta::ObjectMeta(const nlohmann::json &object)
    : m_object(object)
    , m_meta(member(object, "metadata"))
{
}

std::string ObjectMeta::field(const char *key) const
{
    const auto &v = member(m_meta, key);
    return v.is_string() ? v.get<std::string>() : std::string();
}

std::map<std::string, std::string> ObjectMeta::stringMap(const char *key) const
{
    std::map<std::string, std::string> out;
    const auto &m = member(m_meta, key);
    if (m.is_object()) {
        for (auto it = m.begin(); it != m.end(); ++it)
            if (it.value().is_string())
                out.emplace(it.key(), it.value().get<std::string>());
    }
    return out;
}

std::string ObjectMeta::apiVersion() const
{
    const auto &v = member(m_object, "apiVersion");
    return v.is_string() ? v.get<std::string>() : std::string();
}

std::string ObjectMeta::kind() const
{
    const auto &v = member(m_object, "kind");
    return v.is_string() ? v.get<std::string>() : std::string();
}

std::string ObjectMeta::name() const { return field("name"); }
std::string ObjectMeta::generateName() const { return field("generateName"); }
std::string ObjectMeta::namespaceName() const { return field("namespace"); }
std::string ObjectMeta::uid() const { return field("uid"); }
std::string ObjectMeta::resourceVersion() const { return field("resourceVersion"); }
std::string ObjectMeta::creationTimestamp() const { return field("creationTimestamp"); }
std::string ObjectMeta::deletionTimestamp() const { return field("deletionTimestamp"); }

long long ObjectMeta::generation() const
{
    const auto &v = member(m_meta, "generation");
    return v.is_number_integer() ? v.get<long long>() : 0;
}

std::map<std::string, std::string> ObjectMeta::labels() const { return stringMap("labels"); }
std::map<std::string, std::string> ObjectMeta::annotations() const { return stringMap("annotations"); }

std::string ObjectMeta::label(const std::string &key) const
{
    const auto &v = member(member(m_meta, "labels"), key.c_str());
    return v.is_string() ? v.get<std::string>() : std::string();
}

std::string ObjectMeta::annotation(const std::string &key) const
{
    const auto &v = member(member(m_meta, "annotations"), key.c_str());
    return v.is_string() ? v.get<std::string>() : std::string();
}

bool ObjectMeta::hasLabel(const std::string &key) const
{
    return member(member(m_meta, "labels"), key.c_str()).is_string();
}

const nlohmann::json &ObjectMeta::ownerReferences() const { return member(m_meta, "ownerReferences"); }
const nlohmann::json &ObjectMeta::finalizers() const { return member(m_meta, "finalizers"); }

std::string ObjectMeta::key() const { return objectKey(namespaceName(), name()); }

std::string objectKey(const std::string &ns, const std::string &name)
{
    return ns.empty() ? name : ns + "/" + name;
}

void compactObject(nlohmann::json &object)
{
    if (!object.is_object())
        return;
    const auto md = object.find("metadata");
    if (md != object.end() && md->is_object())
        md->erase("managedFields");
}

} // namespace kube
