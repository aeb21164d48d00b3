// Reading manifest files and folders: shared by the permission loader and the network commands.
#include "kubeclient/core/manifestfiles.h"

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
    return parseYamlDocuments(text, where);
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
        for (auto &d : *docs)
            out.documents.push_back(std::move(d));
        ++out.files;
    }
    return out;
}

std::vector<nlohmann::json> objectsOf(const nlohmann::json &document)
{
    if (!document.is_object())
        return {};
    const std::string kind = document.value("kind", std::string());
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
