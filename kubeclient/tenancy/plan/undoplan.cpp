// Inverse writes, one per landed write, from its before-image and what the server answered.
#include "kubeclient/tenancy/plan/undoplan.h"

#include "kubeclient/api/objectdiff.h"
#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/tenancyapi.h"

#include <algorithm>
#include <set>

namespace kube::tenancy {

using nlohmann::json;

namespace {

// The merge patch that puts back what `patch` changed in `before`.
json inverseMergePatch(const json &patch, const json &before)
{
    json out = json::object();
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const bool had = before.is_object() && before.contains(it.key());
        if (it.value().is_object() && had && before[it.key()].is_object())
            out[it.key()] = inverseMergePatch(it.value(), before[it.key()]);
        else
            out[it.key()] = had ? before[it.key()] : json();
    }
    return out;
}

std::string targetKey(const PlannedWrite &w)
{
    return w.gvr.group + "/" + w.gvr.resource + "/" + w.ns + "/" + w.name;
}

std::string resourceVersionOf(const json &object)
{
    return object.is_object() ? ObjectMeta(object).resourceVersion() : std::string();
}

} // namespace

Result<Plan> inversePlan(const Plan &plan, const PlanReport &report)
{
    Plan out;
    out.title = "undo " + plan.title;

    // One inverse per object, however many writes of the plan touched it: what it was before
    // the first landed write, what the last one left.
    struct Target {
        size_t first = 0, last = 0;
        const WriteResult *original = nullptr;  // the first landed write (its before-image)
        const WriteResult *final = nullptr;     // the last landed write (its server answer)
        bool patchesOnly = true;
        bool statusWritten = false;
        bool deleted = false;                   // the last landed write deleted it
        json patchKeys = json::object();        // merge patches, merged (their keys are what to put back)
    };
    std::vector<std::pair<std::string, Target>> targets;
    auto targetFor = [&](const PlannedWrite &w) -> Target * {
        const std::string key = targetKey(w);
        for (auto &t : targets)
            if (t.first == key)
                return &t.second;
        return nullptr;
    };
    for (const auto &r : report.results) {
        if (r.index >= plan.writes.size())
            continue;
        if (r.outcome != WriteOutcome::Applied && r.outcome != WriteOutcome::Patched && r.outcome != WriteOutcome::Deleted)
            continue;
        const PlannedWrite &w = plan.writes[r.index];
        Target *t = targetFor(w);
        if (!t) {
            targets.emplace_back(targetKey(w), Target{});
            t = &targets.back().second;
            t->first = r.index;
            t->original = &r;
        }
        t->last = r.index;
        t->final = &r;
        t->deleted = w.action == WriteAction::Delete;
        t->statusWritten = t->statusWritten || w.subresource == "status";
        if (w.action == WriteAction::MergePatch)
            t->patchKeys.merge_patch(w.object);
        else
            t->patchesOnly = false;
    }

    // Objects this plan deleted: one created again must not point at their old uids, or the
    // garbage collector deletes it again at once.
    std::set<std::string> deletedUids;
    for (const auto &[key, t] : targets)
        if (t.deleted && t.original->beforeCaptured && t.original->before.is_object())
            deletedUids.insert(ObjectMeta(t.original->before).uid());

    bool droppedOwners = false;
    for (auto it = targets.rbegin(); it != targets.rend(); ++it) {
        const Target &t = it->second;
        const PlannedWrite &w = plan.writes[t.first];
        if (!t.original->beforeCaptured) {
            out.notes.push_back("cannot undo " + w.describe() + ": its previous state could not be read"
                                + (t.original->beforeError.empty() ? std::string() : " (" + t.original->beforeError + ")"));
            continue;
        }
        const json &before = t.original->before;
        const bool existed = before.is_object();
        const json &finalObject = t.final->serverObject;
        PlannedWrite inv;
        inv.gvr = w.gvr;
        inv.ns = w.ns;
        inv.name = w.name;
        inv.sideEffect = w.sideEffect;
        if (!existed && t.deleted)
            continue;  // made and removed by the same change
        if (t.patchesOnly) {
            if (!existed)
                continue;
            inv.action = WriteAction::MergePatch;
            inv.subresource = w.subresource;
            inv.object = inverseMergePatch(t.patchKeys, before);
            inv.reason = "undo: put back the fields the change patched";
        } else if (!existed) {
            inv.action = WriteAction::Delete;
            // Only the object the change made: if someone changed it since, the server refuses.
            inv.deleteOptions.preconditionResourceVersion = resourceVersionOf(finalObject);
            inv.deleteOptions.preconditionUid = finalObject.is_object() ? ObjectMeta(finalObject).uid() : "";
            inv.reason = "undo: it did not exist before the change";
        } else {
            inv.action = WriteAction::Apply;
            inv.object = kube::withoutServerFields(before);
            if (t.deleted) {
                json &meta = inv.object["metadata"];
                if (meta.contains("ownerReferences") && meta["ownerReferences"].is_array()) {
                    json kept = json::array();
                    for (const auto &ref : meta["ownerReferences"])
                        if (!deletedUids.count(ref.value("uid", "")))
                            kept.push_back(ref);
                    droppedOwners = droppedOwners || kept.size() != meta["ownerReferences"].size();
                    if (kept.empty())
                        meta.erase("ownerReferences");
                    else
                        meta["ownerReferences"] = kept;
                }
                inv.reason = "undo: create it again as it was";
                if (w.gvr == TenancyApi::namespaces)
                    out.notes.push_back("namespace " + w.name
                                        + " is created again, but what was inside it was deleted with it and does "
                                          "not come back");
            } else {
                const std::string rv = resourceVersionOf(finalObject);
                // Taking fields over is safe only while the object is as the change left it: the
                // resourceVersion makes the server refuse otherwise. Without one (and when the
                // object is created again, maybe by someone else meanwhile) a conflict is shown
                // like any other, and the user decides.
                if (!rv.empty()) {
                    inv.object["metadata"]["resourceVersion"] = rv;
                    inv.force = true;
                }
                inv.reason = "undo: put it back as it was before the change";
            }
        }
        // The before-image carries what the change's writes kept secret (a User's password).
        for (size_t i = t.first; i <= t.last; ++i)
            if (targetKey(plan.writes[i]) == it->first)
                for (const auto &p : plan.writes[i].secretPaths)
                    if (std::find(inv.secretPaths.begin(), inv.secretPaths.end(), p) == inv.secretPaths.end())
                        inv.secretPaths.push_back(p);
        inv.secretPaths = inv.secretPathsOf(inv.object);
        out.writes.push_back(inv);
        if (inv.action == WriteAction::Apply && t.statusWritten && before.contains("status")) {
            PlannedWrite status = inv;
            status.subresource = "status";
            status.object = {{"apiVersion", before.value("apiVersion", "")},
                             {"kind", before.value("kind", "")},
                             {"metadata", {{"name", w.name}}},
                             {"status", before["status"]}};
            if (!w.ns.empty())
                status.object["metadata"]["namespace"] = w.ns;
            status.reason = "undo: put back the previous status";
            out.writes.push_back(std::move(status));
        }
    }
    if (droppedOwners)
        out.notes.push_back("objects created again no longer name owners this change deleted (their old uids are gone)");
    if (out.writes.empty()) {
        Error e = Error::make(ErrorKind::Invalid, "nothing of \"" + plan.title + "\" can be undone");
        if (!out.notes.empty())
            e.hint = out.notes.front();
        return e;
    }
    return out;
}

} // namespace kube::tenancy
