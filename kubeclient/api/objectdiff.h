// Field-level differences between two versions of an object (the live one and what a write
// leaves): which fields appear, go or change, by path. Fields the server manages (uid,
// resourceVersion, managedFields, ...) are not differences a reader cares about and are left
// out. Also the object a write leaves, predicted from the live one before a dry run answers.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kube {

struct FieldChange {
    enum class Kind { Added, Removed, Changed };
    Kind kind = Kind::Changed;
    std::string path;  // "metadata.labels.team", "rules[1].verbs", "metadata.annotations[\"a.b/c\"]"
    nlohmann::json before, after;  // null on the side where the field is absent
};

// The object without what the server sets on its own: metadata uid, resourceVersion,
// generation, creationTimestamp, managedFields, selfLink, deletion fields; status too unless
// keepStatus. What an undo writes back and what a diff compares.
nlohmann::json withoutServerFields(nlohmann::json object, bool keepStatus = false);

// Every difference from `before` to `after`, ignoring server-managed fields and (unless
// includeStatus: a write that sets status) status. Maps
// are compared key by key; lists of objects element by element (a length change adds or
// removes the tail); lists of scalars as whole values ("verbs: [get] → [get, list]").
std::vector<FieldChange> diffFields(const nlohmann::json &before, const nlohmann::json &after,
                                    bool includeStatus = false);

// What a server-side apply of `intent` over `live` leaves, as far as the client can tell:
// the intent's maps merged into the live ones, its lists and scalars replacing the live ones.
// Exact for the fields the intent names; a dry run gives the server's own answer.
nlohmann::json predictApply(const nlohmann::json &live, const nlohmann::json &intent);

// One line per change: "+ path: value", "- path: value", "~ path: before → after".
std::string diffText(const std::vector<FieldChange> &changes, const std::string &indent = "  ");

} // namespace kube
