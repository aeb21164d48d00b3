// Object differences: a recursive walk over two JSON trees. Paths are written the way kubectl's
// JSONPath users read them; values compactly, long ones shortened in the middle.
#include "kubeclient/api/objectdiff.h"

#include <cctype>

namespace kube {

using nlohmann::json;

namespace {

bool plainKey(const std::string &key)
{
    if (key.empty())
        return false;
    for (char c : key)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-')
            return false;
    return true;
}

std::string childPath(const std::string &path, const std::string &key)
{
    if (plainKey(key))
        return path.empty() ? key : path + "." + key;
    return path + "[" + json(key).dump() + "]";
}

bool scalarList(const json &value)
{
    if (!value.is_array())
        return false;
    for (const auto &v : value)
        if (v.is_object() || v.is_array())
            return false;
    return true;
}

void walk(const json &before, const json &after, const std::string &path, std::vector<FieldChange> &out)
{
    if (before == after)
        return;
    // A map that appears or goes is named key by key, so a new label reads as a label.
    if (before.is_null() && after.is_object() && !after.empty()) {
        for (auto it = after.begin(); it != after.end(); ++it)
            walk(json(), it.value(), childPath(path, it.key()), out);
        return;
    }
    if (after.is_null() && before.is_object() && !before.empty()) {
        for (auto it = before.begin(); it != before.end(); ++it)
            walk(it.value(), json(), childPath(path, it.key()), out);
        return;
    }
    if (before.is_null()) {
        out.push_back({FieldChange::Kind::Added, path, json(), after});
        return;
    }
    if (after.is_null()) {
        out.push_back({FieldChange::Kind::Removed, path, before, json()});
        return;
    }
    if (before.is_object() && after.is_object()) {
        for (auto it = before.begin(); it != before.end(); ++it) {
            const auto other = after.find(it.key());
            walk(it.value(), other == after.end() ? json() : *other, childPath(path, it.key()), out);
        }
        for (auto it = after.begin(); it != after.end(); ++it)
            if (!before.contains(it.key()))
                walk(json(), it.value(), childPath(path, it.key()), out);
        return;
    }
    if (before.is_array() && after.is_array() && !(scalarList(before) && scalarList(after))) {
        const size_t n = std::max(before.size(), after.size());
        for (size_t i = 0; i < n; ++i)
            walk(i < before.size() ? before[i] : json(), i < after.size() ? after[i] : json(),
                 path + "[" + std::to_string(i) + "]", out);
        return;
    }
    out.push_back({FieldChange::Kind::Changed, path, before, after});
}

std::string shown(const json &value)
{
    std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
    constexpr size_t kMax = 160;
    if (text.size() > kMax)
        text = text.substr(0, kMax / 2 - 1) + " … " + text.substr(text.size() - (kMax / 2 - 2));
    return text;
}

} // namespace

json withoutServerFields(json object, bool keepStatus)
{
    if (!object.is_object())
        return object;
    if (!keepStatus)
        object.erase("status");
    auto meta = object.find("metadata");
    if (meta != object.end() && meta->is_object())
        for (const char *k : {"uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink",
                              "deletionTimestamp", "deletionGracePeriodSeconds"})
            meta->erase(k);
    return object;
}

std::vector<FieldChange> diffFields(const json &before, const json &after, bool includeStatus)
{
    std::vector<FieldChange> out;
    walk(withoutServerFields(before.is_object() ? before : json::object(), includeStatus),
         withoutServerFields(after.is_object() ? after : json::object(), includeStatus), {}, out);
    return out;
}

json predictApply(const json &live, const json &intent)
{
    if (!live.is_object() || !intent.is_object())
        return intent;
    json out = live;
    for (auto it = intent.begin(); it != intent.end(); ++it) {
        auto mine = out.find(it.key());
        if (mine != out.end() && mine->is_object() && it.value().is_object())
            *mine = predictApply(*mine, it.value());
        else
            out[it.key()] = it.value();
    }
    return out;
}

std::string diffText(const std::vector<FieldChange> &changes, const std::string &indent)
{
    std::string out;
    for (const auto &c : changes) {
        switch (c.kind) {
        case FieldChange::Kind::Added: out += indent + "+ " + c.path + ": " + shown(c.after) + "\n"; break;
        case FieldChange::Kind::Removed: out += indent + "- " + c.path + ": " + shown(c.before) + "\n"; break;
        case FieldChange::Kind::Changed:
            out += indent + "~ " + c.path + ": " + shown(c.before) + " → " + shown(c.after) + "\n";
            break;
        }
    }
    return out;
}

} // namespace kube
