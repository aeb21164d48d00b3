// Plan diffs: one pass over the writes with the state of each object as the plan leaves it so far.
#include "kubeclient/tenancy/plan/plandiff.h"

#include "kubeclient/api/ownerrefs.h"

#include <map>

namespace kube::tenancy {

using nlohmann::json;

namespace {

std::string targetKey(const PlannedWrite &w)
{
    return w.gvr.group + "/" + w.gvr.resource + "/" + w.ns + "/" + w.name;
}

const char *changeWords(WriteDiff::Change change)
{
    switch (change) {
    case WriteDiff::Change::Create: return "creates it";
    case WriteDiff::Change::Update: return "changes it";
    case WriteDiff::Change::Delete: return "deletes it (and what the server deletes with it)";
    case WriteDiff::Change::Unchanged: return "no change: it is already so";
    case WriteDiff::Change::AlreadyAbsent: return "nothing to delete: it does not exist";
    case WriteDiff::Change::Unknown: return "unknown";
    }
    return "";
}

} // namespace

std::vector<LiveTarget> readTargets(PlanReader &reader, const Plan &plan)
{
    std::vector<LiveTarget> out(plan.writes.size());
    std::map<std::string, size_t> seen;
    for (size_t i = 0; i < plan.writes.size(); ++i) {
        const PlannedWrite &w = plan.writes[i];
        const std::string key = targetKey(w);
        if (auto it = seen.find(key); it != seen.end()) {
            out[i] = out[it->second];
            continue;
        }
        seen[key] = i;
        auto object = reader.fetch(w.gvr, w.ns, w.name);
        if (!object) {
            out[i].error = object.error().message.empty() ? object.error().describe() : object.error().message;
            continue;
        }
        out[i].read = true;
        if (*object)
            out[i].object = std::move(**object);
    }
    return out;
}

std::vector<WriteDiff> diffPlan(const Plan &plan, const std::vector<LiveTarget> &live, const PlanReport *dryRun)
{
    std::vector<WriteDiff> out;
    struct State {
        bool known = false;
        json object;
        std::string error;
    };
    std::map<std::string, State> states;
    for (size_t i = 0; i < plan.writes.size(); ++i) {
        const PlannedWrite &w = plan.writes[i];
        WriteDiff d;
        d.index = i;
        d.write = w.describe();
        const std::string key = targetKey(w);
        auto it = states.find(key);
        if (it == states.end()) {
            State s;
            if (i < live.size()) {
                s.known = live[i].read;
                s.object = live[i].object;
                s.error = live[i].error;
            }
            it = states.emplace(key, std::move(s)).first;
        }
        State &state = it->second;
        const WriteResult *answer = nullptr;
        if (dryRun && i < dryRun->results.size()) {
            const WriteResult &r = dryRun->results[i];
            if ((r.outcome == WriteOutcome::Applied || r.outcome == WriteOutcome::Patched) && r.serverObject.is_object())
                answer = &r;
        }
        if (!state.known && !answer && w.action != WriteAction::Delete) {
            d.change = WriteDiff::Change::Unknown;
            d.error = state.error.empty() ? "the live object could not be read" : state.error;
            out.push_back(std::move(d));
            continue;
        }
        const json before = state.object;
        if (w.action == WriteAction::Delete) {
            d.change = !state.known ? WriteDiff::Change::Delete
                : before.is_null()  ? WriteDiff::Change::AlreadyAbsent
                                    : WriteDiff::Change::Delete;
            d.exact = state.known;
            state = State{true, json(), {}};
            out.push_back(std::move(d));
            continue;
        }
        json after;
        if (answer) {
            after = answer->serverObject;
            d.exact = true;
        } else if (w.action == WriteAction::MergePatch) {
            after = before;
            if (after.is_object())
                after.merge_patch(w.object);
            d.exact = after.is_object();
        } else {
            json intent = w.object;
            kube::takeOwnerUidsFrom(intent, before);  // the executor fills them in the same way
            after = before.is_object() ? predictApply(before, intent) : intent;
        }
        // A status write (to the subresource, or into an object whose kind has none) is about
        // status; elsewhere status is the server's and not a difference.
        const bool status = w.subresource == "status" || (w.object.is_object() && w.object.contains("status"));
        d.fields = diffFields(before, after, status);
        // Secrets are named, never shown: a changed password reads "<redacted> → <redacted>".
        const auto secrets = w.secretPathsOf(after.is_object() ? after : before);
        for (auto &f : d.fields)
            for (const auto &path : secrets) {
                std::string dotted = path.substr(1);
                for (auto &c : dotted)
                    if (c == '/')
                        c = '.';
                if (f.path == dotted || f.path.rfind(dotted + ".", 0) == 0 || f.path.rfind(dotted + "[", 0) == 0) {
                    if (!f.before.is_null())
                        f.before = "<redacted>";
                    if (!f.after.is_null())
                        f.after = "<redacted>";
                }
            }
        d.change = before.is_null() ? WriteDiff::Change::Create
            : d.fields.empty()      ? WriteDiff::Change::Unchanged
                                    : WriteDiff::Change::Update;
        state.object = after;
        state.known = true;
        out.push_back(std::move(d));
    }
    return out;
}

std::string diffPlanText(const std::vector<WriteDiff> &diffs)
{
    std::string out;
    for (const auto &d : diffs) {
        out += std::to_string(d.index + 1) + ". " + d.write + " — " + changeWords(d.change);
        if (d.change == WriteDiff::Change::Update)
            out += " (" + std::to_string(d.fields.size()) + (d.fields.size() == 1 ? " field" : " fields") + ")";
        if (d.change == WriteDiff::Change::Unknown && !d.error.empty())
            out += ": " + d.error;
        if (!d.exact && d.change != WriteDiff::Change::Unknown && d.change != WriteDiff::Change::Delete)
            out += "  [predicted]";
        out += "\n";
        if (d.change == WriteDiff::Change::Create || d.change == WriteDiff::Change::Update)
            out += diffText(d.fields, "    ");
    }
    return out;
}

} // namespace kube::tenancy
