// ObjectMeta accessors: tolerant of missing or mistyped fields (they read as empty).
#include "kubeclient/core/objectmeta.h"

#include "kubeclient/core/jsonread.h"

namespace kube {

using jsonread::member;
using jsonread::str;

template <typename J>
ObjectMeta<J>::ObjectMeta(const J &object)
    : m_object(object)
    , m_meta(member(object, "metadata"))
{
}

template <typename J>
std::string ObjectMeta<J>::field(const char *key) const
{
    const auto &v = member(m_meta, key);
    return str(v);
}

template <typename J>
std::map<std::string, std::string> ObjectMeta<J>::stringMap(const char *key) const
{
    std::map<std::string, std::string> out;
    const auto &m = member(m_meta, key);
    if (m.is_object()) {
        for (auto it = m.begin(); it != m.end(); ++it)
            if (it.value().is_string())
                out.emplace(it.key(), str(it.value()));
    }
    return out;
}

template <typename J>
std::string ObjectMeta<J>::apiVersion() const
{
    const auto &v = member(m_object, "apiVersion");
    return str(v);
}

template <typename J>
std::string ObjectMeta<J>::kind() const
{
    const auto &v = member(m_object, "kind");
    return str(v);
}

template <typename J>
std::string ObjectMeta<J>::name() const { return field("name"); }
template <typename J>
std::string ObjectMeta<J>::generateName() const { return field("generateName"); }
template <typename J>
std::string ObjectMeta<J>::namespaceName() const { return field("namespace"); }
template <typename J>
std::string ObjectMeta<J>::uid() const { return field("uid"); }
template <typename J>
std::string ObjectMeta<J>::resourceVersion() const { return field("resourceVersion"); }
template <typename J>
std::string ObjectMeta<J>::creationTimestamp() const { return field("creationTimestamp"); }
template <typename J>
std::string ObjectMeta<J>::deletionTimestamp() const { return field("deletionTimestamp"); }

template <typename J>
long long ObjectMeta<J>::generation() const
{
    const auto &v = member(m_meta, "generation");
    return v.is_number_integer() ? v.template get<long long>() : 0;
}

template <typename J>
std::map<std::string, std::string> ObjectMeta<J>::labels() const { return stringMap("labels"); }
template <typename J>
std::map<std::string, std::string> ObjectMeta<J>::annotations() const { return stringMap("annotations"); }

template <typename J>
std::string ObjectMeta<J>::label(const std::string &key) const
{
    const auto &v = member(member(m_meta, "labels"), key.c_str());
    return str(v);
}

template <typename J>
std::string ObjectMeta<J>::annotation(const std::string &key) const
{
    const auto &v = member(member(m_meta, "annotations"), key.c_str());
    return str(v);
}

template <typename J>
bool ObjectMeta<J>::hasLabel(const std::string &key) const
{
    return member(member(m_meta, "labels"), key.c_str()).is_string();
}

template <typename J>
const J &ObjectMeta<J>::ownerReferences() const { return member(m_meta, "ownerReferences"); }
template <typename J>
const J &ObjectMeta<J>::finalizers() const { return member(m_meta, "finalizers"); }

template <typename J>
std::string ObjectMeta<J>::key() const { return objectKey(namespaceName(), name()); }

template class ObjectMeta<nlohmann::json>;
template class ObjectMeta<FrozenJson>;

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
