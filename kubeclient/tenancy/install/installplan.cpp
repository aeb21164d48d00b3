// Accessors and counts of install plans and reports; kept apart from Installer so that views
// can show plans without pulling in the installer's logic.
#include "kubeclient/tenancy/install/installplan.h"

#include <algorithm>

namespace kube::tenancy {

const char *toString(InstallAction action)
{
    switch (action) {
    case InstallAction::Create: return "create";
    case InstallAction::Update: return "update";
    case InstallAction::Unchanged: return "unchanged";
    }
    return "unknown";
}

namespace {
std::string metaField(const nlohmann::json &object, const char *key)
{
    if (!object.is_object())
        return {};
    auto meta = object.find("metadata");
    if (meta == object.end() || !meta->is_object())
        return {};
    auto it = meta->find(key);
    return it != meta->end() && it->is_string() ? it->get<std::string>() : std::string();
}
} // namespace

std::string InstallItem::kind() const
{
    return object.is_object() && object.contains("kind") && object["kind"].is_string() ? object["kind"].get<std::string>()
                                                                                      : std::string();
}

std::string InstallItem::name() const { return metaField(object, "name"); }

std::string InstallItem::ns() const { return metaField(object, "namespace"); }

std::string InstallItem::title() const
{
    std::string t = kind() + " " + name();
    if (!ns().empty())
        t += " in namespace " + ns();
    return t;
}

std::string InstallItem::source() const { return file + " document " + std::to_string(document); }

size_t InstallPlan::count(InstallAction action) const
{
    return size_t(std::count_if(items.begin(), items.end(), [&](const InstallItem &i) { return i.action == action; }));
}

size_t InstallReport::count(InstallAction action) const
{
    return size_t(std::count_if(items.begin(), items.end(), [&](const InstallOutcome &i) { return i.action == action; }));
}

size_t InstallReport::uncheckedCount() const
{
    return size_t(std::count_if(items.begin(), items.end(), [](const InstallOutcome &i) { return !i.serverChecked; }));
}

} // namespace kube::tenancy
