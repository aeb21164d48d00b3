// Typed, read-only accessors for the metadata of any object held as JSON (an nlohmann::json or
// a kube::FrozenJson, picked by the argument); kinds get thin views on top of these instead of
// duplicated structs.
#pragma once

#include "kubeclient/core/frozenjson.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace kube {

template <typename J = nlohmann::json>
class ObjectMeta
{
public:
    explicit ObjectMeta(const J &object);

    std::string apiVersion() const;
    std::string kind() const;
    std::string name() const;
    std::string generateName() const;
    std::string namespaceName() const;
    std::string uid() const;
    std::string resourceVersion() const;
    std::string creationTimestamp() const;
    std::string deletionTimestamp() const;
    long long generation() const;
    std::map<std::string, std::string> labels() const;
    std::map<std::string, std::string> annotations() const;
    std::string label(const std::string &key) const;
    std::string annotation(const std::string &key) const;
    bool hasLabel(const std::string &key) const;
    const J &ownerReferences() const;
    const J &finalizers() const;
    // "ns/name" or "name": the key stores and error messages use.
    std::string key() const;

private:
    std::string field(const char *key) const;
    std::map<std::string, std::string> stringMap(const char *key) const;

    const J &m_object;
    const J &m_meta;
};
template <typename J>
ObjectMeta(const J &) -> ObjectMeta<J>;

// Builds "ns/name" or "name".
std::string objectKey(const std::string &ns, const std::string &name);

// What Tenantry keeps of an object it lists or watches: everything but metadata.managedFields
// (about half of a typical object's bytes in memory, read by nothing here; kubectl's YAML
// leaves them out too). Writes and the conflict view read the live object from the server.
void compactObject(nlohmann::json &object);

} // namespace kube
