// One immutable version of the tenancy graph: the objects of every kind plus the label and
// reference indexes the queries need, all persistent maps, updated per object by diffing the
// index entries the old and the new state of that object produce.
#pragma once

#include "kubeclient/tenancy/graph/graphkind.h"
#include "kubeclient/tenancy/graph/graphmap.h"
#include "kubeclient/tenancy/graph/graphrecords.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kube::tenancy {

// Every index is a set of composite keys "<bucket>\x1f<member>", so "members of bucket" is a
// prefix range and moving an object between buckets is one erase and one insert.
enum class GraphIndex {
    ProjectsByWorkspace,           // workspace ("" = none) -> namespace
    WorkspaceRolesByWorkspace,     // workspace label ("" = none) -> WorkspaceRole
    WorkspaceBindingsByWorkspace,  // workspace label ("" = none) -> WorkspaceRoleBinding
    BindingsBySubject,             // subject key -> binding ref (any level)
    BindingsByRole,                // role ref -> binding ref
    GroupsByWorkspace,             // workspace label -> Group
    GroupBindingsByGroup,          // group -> GroupBinding
    GroupBindingsByUser,           // user -> GroupBinding
    QuotasByWorkspace,             // selected workspace -> quota.kubesphere.io ResourceQuota
    TemplatesByScope,              // iam.kubesphere.io/scope -> RoleTemplate
    Count
};
inline constexpr std::size_t kGraphIndexCount = static_cast<std::size_t>(GraphIndex::Count);

inline constexpr char kGraphSeparator = '\x1f';

struct GraphState {
    std::array<GraphMap<GraphObject>, kGraphKindCount> objects;
    std::array<GraphSet, kGraphIndexCount> indexes;
    // The Store version each kind was last fed from (TenancyGraph::apply(kind, Store::Change)).
    std::array<std::uint64_t, kGraphKindCount> sourceVersions{};
    // Kinds that were ever fed (a resync, even empty, counts): queries such as "does this role
    // exist" only report a missing object when its kind is actually wired.
    std::array<bool, kGraphKindCount> fed{};
    std::uint64_t version = 0;
    ApiFlavor flavor = ApiFlavor::V4;

    const GraphMap<GraphObject> &of(GraphKind kind) const { return objects[indexOf(kind)]; }
    const GraphSet &index(GraphIndex i) const { return indexes[static_cast<std::size_t>(i)]; }
    GraphObject get(GraphKind kind, std::string_view key) const;

    // Both return whether anything changed. An upsert of the same resourceVersion is a no-op.
    bool upsert(const GraphEdit &edit, GraphKind kind, const GraphObject &object);
    bool remove(const GraphEdit &edit, GraphKind kind, std::string_view key);
    // The indexes follow one object from `old` to `now` (either may be null); the objects' map is
    // left to the caller (a kind that holds a Store's own map takes the Store's next map whole).
    void reindex(const GraphEdit &edit, GraphKind kind, std::string_view key, const GraphObject &old,
                 const GraphObject &now);

    // Recomputes every index from the objects and compares: for tests and debug builds.
    bool consistent(std::string *why = nullptr) const;

    using Entry = std::pair<GraphIndex, std::string>;
    // The index entries one object contributes (sorted, unique).
    static std::vector<Entry> entriesOf(GraphKind kind, std::string_view key, const FrozenJson &object);
};

// Encodings shared by the state and the queries.
namespace graphkey {
std::string join(std::string_view bucket, std::string_view member);
// The member part of an index key, given its bucket prefix length.
std::string_view memberOf(std::string_view indexKey, std::size_t bucketLength);
// A reference to an object of any kind: one letter for the kind, then its store key.
std::string ref(GraphKind kind, std::string_view key);
GraphKind refKind(std::string_view ref);
std::string_view refKey(std::string_view ref);
// Subject buckets: "U\x1f<name>", "G\x1f<name>", "S\x1f<ns>:<name>", "L\x1f<user-ref label>".
std::string userSubject(std::string_view name);
std::string groupSubject(std::string_view name);
std::string userRefLabel(std::string_view name);
std::string subjectBucket(const Subject &subject);
// The role a binding's roleRef points at, as a ref (kind + store key); "" if it names none.
std::string roleOfBinding(GraphKind bindingKind, const FrozenJson &binding);
} // namespace graphkey

} // namespace kube::tenancy
