// Reading manifest files and folders: shared by the permission loader and the network commands.
#include "kubeclient/core/manifestfiles.h"

#include "kubeclient/core/quantity.h"
#include "kubeclient/core/text.h"
#include "kubeclient/core/yamlconvert.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace kube {

namespace {
namespace fs = std::filesystem;

bool isManifest(const fs::path &p)
{
    const std::string ext = p.extension().string();
    return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

const char *typeName(const nlohmann::json &v)
{
    switch (v.type()) {
    case nlohmann::json::value_t::object: return "a mapping";
    case nlohmann::json::value_t::array: return "a list";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::boolean: return "a boolean";
    case nlohmann::json::value_t::null: return "null";
    default: return "a number";
    }
}

std::string quoted(const std::string &s)
{
    return "\"" + text::printable(s, 80) + "\"";
}

// The rules every Kubernetes name obeys as a path segment (apimachinery's IsValidPathSegmentName)
// plus the 253-byte limit of a DNS subdomain; kinds with stricter rules are the server's to check.
std::string nameProblem(const std::string &name)
{
    if (name.empty())
        return "is empty";
    if (name.size() > 253)
        return "is " + std::to_string(name.size()) + " bytes long, more than 253";
    if (name == "." || name == "..")
        return "may not be \".\" or \"..\"";
    for (unsigned char c : name) {
        if (c == '/' || c == '%')
            return std::string("may not contain '") + char(c) + "'";
        if (c <= 0x20 || c == 0x7F)
            return "may not contain spaces or control characters";
    }
    return {};
}

// A namespace name is a DNS-1123 label: lower-case letters, digits and '-', at most 63.
bool validNamespace(const std::string &ns)
{
    if (ns.empty() || ns.size() > 63 || ns.front() == '-' || ns.back() == '-')
        return false;
    return std::all_of(ns.begin(), ns.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// A map of resource name -> quantity (ResourceQuota's hard, LimitRange's bounds).
std::string quantityMapProblem(const nlohmann::json &map, const std::string &path)
{
    if (!map.is_object())
        return path + " is " + typeName(map) + ", not a mapping of resource names to quantities";
    for (const auto &[resource, value] : map.items()) {
        auto q = Quantity::fromJson(value);
        if (!q)
            return path + "[" + quoted(resource) + "]: " + q.error().message;
    }
    return {};
}

// Why a document cannot stand for a Kubernetes object, empty when it can. The label names the
// object once it is known ("ResourceQuota "q" in namespace "team-a": ").
std::string objectProblem(const nlohmann::json &doc)
{
    if (!doc.is_object())
        return std::string("is ") + typeName(doc) + ", not a Kubernetes object (a mapping with apiVersion, kind and metadata)";
    std::string kind;
    if (auto k = doc.find("kind"); k == doc.end())
        return "has no kind";
    else if (!k->is_string() || k->get<std::string>().empty())
        return "kind is " + std::string(k->is_string() ? "empty" : typeName(*k)) + ", not the name of a kind";
    else
        kind = k->get<std::string>();
    if (auto v = doc.find("apiVersion"); v == doc.end())
        return kind + " has no apiVersion";
    else if (!v->is_string() || v->get<std::string>().empty())
        return kind + ": apiVersion is " + (v->is_string() ? "empty" : typeName(*v)) + ", not a group/version";
    if (kind.size() >= 4 && kind.compare(kind.size() - 4, 4, "List") == 0 && doc.contains("items")) {
        const auto &items = doc["items"];
        if (!items.is_array() && !items.is_null())
            return kind + ": items is " + typeName(items) + ", not a list";
        return {};  // items are checked one by one
    }
    auto meta = doc.find("metadata");
    if (meta == doc.end() || meta->is_null())
        return kind + " has no metadata";
    if (!meta->is_object())
        return kind + ": metadata is " + typeName(*meta) + ", not a mapping";
    std::string label = kind;
    auto name = meta->find("name");
    if (name == meta->end() || name->is_null()) {
        if (!meta->contains("generateName"))
            return kind + " has no metadata.name";
    } else if (!name->is_string()) {
        return kind + ": metadata.name is " + typeName(*name) + ", not a string (quote it)";
    } else {
        if (auto why = nameProblem(name->get<std::string>()); !why.empty())
            return kind + " " + quoted(name->get<std::string>()) + ": metadata.name " + why;
        label += " " + quoted(name->get<std::string>());
    }
    if (auto ns = meta->find("namespace"); ns != meta->end() && !ns->is_null()) {
        if (!ns->is_string() || !validNamespace(ns->get<std::string>()))
            return label + ": metadata.namespace " + (ns->is_string() ? quoted(ns->get<std::string>()) : typeName(*ns))
                 + " is not a namespace name (lower-case letters, digits and '-', at most 63)";
        label += " in namespace " + quoted(ns->get<std::string>());
    }
    auto spec = doc.find("spec");
    if (spec != doc.end() && !spec->is_null() && !spec->is_object())
        return label + ": spec is " + typeName(*spec) + ", not a mapping";
    if (spec == doc.end() || spec->is_null())
        return {};
    if (kind == "ResourceQuota") {
        if (auto hard = spec->find("hard"); hard != spec->end() && !hard->is_null())
            if (auto why = quantityMapProblem(*hard, "spec.hard"); !why.empty())
                return label + ": " + why;
    } else if (kind == "LimitRange") {
        auto limits = spec->find("limits");
        if (limits != spec->end() && !limits->is_null()) {
            if (!limits->is_array())
                return label + ": spec.limits is " + typeName(*limits) + ", not a list";
            for (std::size_t i = 0; i < limits->size(); ++i) {
                const auto &item = (*limits)[i];
                const std::string at = "spec.limits[" + std::to_string(i) + "]";
                if (!item.is_object())
                    return label + ": " + at + " is " + typeName(item) + ", not a mapping";
                for (const char *field : {"max", "min", "default", "defaultRequest", "maxLimitRequestRatio"})
                    if (auto m = item.find(field); m != item.end() && !m->is_null())
                        if (auto why = quantityMapProblem(*m, at + "." + field); !why.empty())
                            return label + ": " + why;
            }
        }
    }
    return {};
}

// Keeps the documents (and List items) that can stand for objects; a warning names each one
// dropped: the file, the document's number and the field at fault.
std::vector<nlohmann::json> checkedDocuments(std::vector<nlohmann::json> &&docs, const std::string &where,
                                             std::vector<std::string> &warnings)
{
    std::vector<nlohmann::json> out;
    out.reserve(docs.size());
    for (std::size_t i = 0; i < docs.size(); ++i) {
        auto &doc = docs[i];
        const std::string at = where + ": document " + std::to_string(i + 1);
        if (auto why = objectProblem(doc); !why.empty()) {
            warnings.push_back(at + ": " + why + " (document skipped)");
            continue;
        }
        const std::string kind = doc["kind"].get<std::string>();  // objectProblem checked it
        const bool list = kind.size() >= 4 && kind.compare(kind.size() - 4, 4, "List") == 0;
        if (auto items = doc.find("items"); list && items != doc.end() && items->is_array()) {
            nlohmann::json kept = nlohmann::json::array();
            for (std::size_t k = 0; k < items->size(); ++k) {
                // Items of a typed list (RoleBindingList) may leave out the kind and apiVersion
                // the list implies; they are checked as if they had them.
                nlohmann::json implied;
                const nlohmann::json *item = &(*items)[k];
                if (kind != "List" && item->is_object() && (!item->contains("kind") || !item->contains("apiVersion"))) {
                    implied = *item;
                    if (!implied.contains("kind"))
                        implied["kind"] = kind.substr(0, kind.size() - 4);
                    if (!implied.contains("apiVersion"))
                        implied["apiVersion"] = doc["apiVersion"];
                    item = &implied;
                }
                if (auto why = objectProblem(*item); !why.empty()) {
                    warnings.push_back(at + ": items[" + std::to_string(k) + "] " + why + " (item skipped)");
                    continue;
                }
                kept.push_back(std::move((*items)[k]));
            }
            *items = std::move(kept);
        }
        out.push_back(std::move(doc));
    }
    return out;
}

Result<std::string> readFile(const fs::path &p)
{
    std::ifstream in(p, std::ios::binary);
    if (!in)
        return Error::make(ErrorKind::Config, "cannot read " + p.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
} // namespace

Result<std::vector<nlohmann::json>> parseManifestText(const std::string &text, const std::string &where)
{
    // One JSON document (a List from `kubectl get -o json`, an export) is read by the JSON
    // parser, many times faster than YAML's; anything it refuses goes through the YAML path,
    // which also names the line of an error.
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && text[first] == '{') {
        auto json = nlohmann::json::parse(text, nullptr, false);
        if (!json.is_discarded() && json.is_object())
            return std::vector<nlohmann::json>{std::move(json)};
    }
    auto docs = parseYamlDocuments(text, where);
    // A broken JSON file is better explained by the JSON parser ("ends in the middle of a value")
    // than by YAML's view of it ("end of map flow not found").
    // Only for a text cut short: elsewhere YAML's line is as good, and a YAML stream may begin
    // with a JSON document.
    const bool json = first != std::string::npos && (text[first] == '{' || text[first] == '[');
    if (!docs && json && docs.error().message.rfind("invalid YAML", 0) == 0) {
        std::size_t offset = 0;
        const std::string why = text::jsonProblem(text, &offset);
        if (why.find(": truncated") != std::string::npos)
            return Error::make(ErrorKind::Invalid, "invalid JSON: " + why,
                               where + ":" + std::to_string(text::lineColumnOf(text, offset).first));
    }
    return docs;
}

Result<ManifestFiles> readManifestFiles(const std::string &path)
{
    ManifestFiles out;
    std::error_code ec;
    const fs::path root(path);
    if (!fs::exists(root, ec))
        return Error::make(ErrorKind::Config, "no such file or folder: " + path);
    std::vector<fs::path> files;
    const bool folder = fs::is_directory(root, ec);
    if (folder) {
        for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
             it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (ec)
                break;
            if (it->is_regular_file(ec) && isManifest(it->path()))
                files.push_back(it->path());
        }
        std::sort(files.begin(), files.end());
        if (files.empty())
            out.warnings.push_back("no *.yaml, *.yml or *.json files under " + path);
    } else {
        files.push_back(root);
    }
    for (const auto &f : files) {
        auto text = readFile(f);
        auto docs = text ? parseManifestText(*text, f.string()) : Result<std::vector<nlohmann::json>>(text.error());
        if (!docs) {
            if (!folder)
                return docs.error();
            out.warnings.push_back(docs.error().describe() + " (file skipped)");
            out.skipped.push_back(f.string());
            continue;
        }
        for (auto &d : checkedDocuments(std::move(*docs), f.string(), out.warnings))
            out.documents.push_back(std::move(d));
        ++out.files;
    }
    return out;
}

std::vector<nlohmann::json> objectsOf(const nlohmann::json &document)
{
    if (!document.is_object())
        return {};
    const auto kindIt = document.find("kind");
    const std::string kind = kindIt != document.end() && kindIt->is_string() ? kindIt->get<std::string>() : std::string();
    if (kind.size() >= 4 && kind.compare(kind.size() - 4, 4, "List") == 0 && document.contains("items")
        && document["items"].is_array()) {
        std::vector<nlohmann::json> out;
        for (const auto &item : document["items"])
            if (item.is_object())
                out.push_back(item);
        return out;
    }
    return {document};
}

} // namespace kube
