// Owner references a plan writes before the owner's uid is known. The owner may be created by
// an earlier write of the same plan, so the planner names it (apiVersion, kind, name) and leaves
// `uid` out; the executor fills the uid in just before the write, from that earlier write's
// answer or by reading the owner. Objects then go with their owner through the garbage
// collector, as KubeSphere's controllers arrange it.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>

namespace kube {

// A controller reference ({controller, blockOwnerDeletion} true, as controller-runtime's
// SetControllerReference writes it). `uid` empty: filled in when the plan runs.
nlohmann::json controllerReference(const std::string &apiVersion, const std::string &kind, const std::string &name,
                                   const std::string &uid = {});
// The same, pointing at `owner` (its uid when it has one).
nlohmann::json controllerReferenceTo(const nlohmann::json &owner);
// Adds `ref` to object.metadata.ownerReferences unless one to the same kind and name is there.
void addOwnerReference(nlohmann::json &object, nlohmann::json ref);

// The references of `object` still without a uid.
bool hasUnresolvedOwners(const nlohmann::json &object);
// Fills each missing uid with lookup(ref) (the owner's uid, nullopt when it is not found).
// Returns the first reference lookup could not resolve, or nullopt when all are resolved.
std::optional<nlohmann::json> resolveOwnerUids(
    nlohmann::json &object, const std::function<std::optional<std::string>(const nlohmann::json &ref)> &lookup);
// Drops the references still without a uid.
void dropUnresolvedOwners(nlohmann::json &object);
// For predictions: a reference of `intent` without a uid takes the uid of `live`'s reference to
// the same kind and name, so a write that changes nothing is shown unchanged.
void takeOwnerUidsFrom(nlohmann::json &intent, const nlohmann::json &live);

} // namespace kube
